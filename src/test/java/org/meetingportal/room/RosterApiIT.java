package org.meetingportal.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.CallSocketClient;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/**
 * {@code GET /api/meetings/{id}/roster} and the announcements it is made of, from outside: pages in the room say
 * so on their call socket, the roster lists their people with role and states for anyone who comes later,
 * everyone hears a change, and only people the door lets in count; leaving, closing the page and a removal take
 * a person off.
 */
class RosterApiIT extends PortalIT {

    private static final Duration SIGNAL = Duration.ofSeconds(5);

    private static PortalClient admin;
    private static String hostName;
    private static PortalClient host;
    private static PortalClient outsider;

    @BeforeEach
    void people() {
        if (admin == null) {
            admin = admin();
            hostName = TestPortal.uniqueName("rohost");
            host = admin.createSignedInUser(hostName, "EMPLOYEE", "roster-host-phrase");
            outsider = admin.createSignedInUser(TestPortal.uniqueName("roout"), "EMPLOYEE", "roster-out-phrase");
        }
    }

    private static long meeting(String waitingRoom, String... attendees) {
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        HttpAnswer created = admin.post("api/meetings", Json.createObjectBuilder().add("title", "Roster " + hostName)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofMinutes(30)).toString())
                .add("timeZone", "Europe/Berlin").add("hosts", Json.createArrayBuilder().add(hostName))
                .add("attendees", Json.createArrayBuilder(List.of(attendees))).add("waitingRoom", waitingRoom).build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private static String presence(long id, boolean mic, boolean camera, boolean hand) {
        return Json.createObjectBuilder().add("type", "room-presence").add("meeting", id).add("mic", mic)
                .add("camera", camera).add("screen", false).add("hand", hand).build().toString();
    }

    private static JsonArray roster(PortalClient viewer, long id) {
        HttpAnswer answer = viewer.get("api/meetings/" + id + "/roster");
        assertEquals(200, answer.status(), answer::toString);
        return answer.jsonArray();
    }

    private static List<String> names(JsonArray roster) {
        return roster.stream().map(e -> e.asJsonObject().getString("userId")).toList();
    }

    /** Waits for the next roster signal of this meeting, past any other room signal. */
    private static void rosterChanged(CallSocketClient page, long id) {
        assertEquals(id, page.nextRoomEvent("roster", SIGNAL).getJsonNumber("meeting").longValue());
    }

    private CallSocketClient inTheRoom(PortalClient person, long id, boolean mic, boolean camera, boolean hand) {
        assertEquals(200, person.post("api/meetings/" + id + "/credentials", null).status());
        CallSocketClient page = CallSocketClient.open(base, person);
        page.next("hello");
        page.send(presence(id, mic, camera, hand));
        return page;
    }

    /** Sends a message and waits until the server has taken it: a page's messages are taken in order. */
    private static void sendAndWait(CallSocketClient page, String message) {
        page.send(message);
        page.send("{\"type\":\"ping\"}");
        page.next("pong");
    }

    @Test
    void peopleInTheRoomAreListedWithRoleAndStateForEveryoneAndLateComers() {
        String annName = TestPortal.uniqueName("roann");
        String bobName = TestPortal.uniqueName("robob");
        PortalClient ann = admin.createSignedInUser(annName, "EMPLOYEE", "roster-ann-phrase");
        PortalClient bob = admin.createSignedInUser(bobName, "EMPLOYEE", "roster-bob-phrase");
        long id = meeting("NONE", annName, bobName);
        try (CallSocketClient hostPage = inTheRoom(host, id, true, true, false)) {
            rosterChanged(hostPage, id);
            long announced = System.nanoTime();
            try (CallSocketClient annPage = inTheRoom(ann, id, false, true, true)) {
                rosterChanged(hostPage, id);
                System.out.printf("roster: an attendee's announcement to the host's page hearing it: %d ms%n",
                        (System.nanoTime() - announced) / 1_000_000);
                JsonArray roster = roster(bob, id);
                assertEquals(List.of(hostName, annName), names(roster), "hosts first; a late comer sees who is in");
                JsonObject annEntry = roster.getJsonObject(1);
                assertEquals("ATTENDEE", annEntry.getString("role"));
                assertEquals("Test " + annName, annEntry.getString("displayName"));
                assertFalse(annEntry.getBoolean("micOn"));
                assertTrue(annEntry.getBoolean("cameraOn"));
                assertFalse(annEntry.getBoolean("sharingScreen"));
                assertFalse(annEntry.isNull("handRaisedAt"));
                JsonObject hostEntry = roster.getJsonObject(0);
                assertEquals("HOST", hostEntry.getString("role"));
                assertTrue(hostEntry.getBoolean("micOn"));
                assertTrue(!hostEntry.containsKey("handRaisedAt") || hostEntry.isNull("handRaisedAt"));

                annPage.send(presence(id, true, true, false));
                rosterChanged(hostPage, id);
                JsonObject unmuted = roster(host, id).getJsonObject(1);
                assertTrue(unmuted.getBoolean("micOn"));
                assertTrue(!unmuted.containsKey("handRaisedAt") || unmuted.isNull("handRaisedAt"), "hand lowered");
                assertEquals(200, admin.get("api/meetings/" + id + "/roster").status(), "admins see any roster");

                annPage.send(Json.createObjectBuilder().add("type", "room-leave").add("meeting", id).build().toString());
                rosterChanged(hostPage, id);
                assertEquals(List.of(hostName), names(roster(host, id)));
                annPage.send(presence(id, false, false, false));
                rosterChanged(hostPage, id);
                assertEquals(List.of(hostName, annName), names(roster(host, id)));
            }
            rosterChanged(hostPage, id);
            assertEquals(List.of(hostName), names(roster(host, id)), "a closed page is gone at once");
        }
    }

    @Test
    void onlyPeopleTheDoorLetsInCountAndARemovalTakesThemOff() {
        String carolName = TestPortal.uniqueName("rocarol");
        String daveName = TestPortal.uniqueName("rodave");
        PortalClient carol = admin.createSignedInUser(carolName, "EMPLOYEE", "roster-carol-phrase");
        PortalClient dave = admin.createSignedInUser(daveName, "EMPLOYEE", "roster-dave-phrase");
        long id = meeting("ALL_BUT_HOSTS", carolName, daveName);
        try (CallSocketClient hostPage = inTheRoom(host, id, false, false, false)) {
            rosterChanged(hostPage, id);
            assertEquals(409, carol.post("api/meetings/" + id + "/credentials", null).status(), "waits");
            try (CallSocketClient carolPage = CallSocketClient.open(base, carol);
                    CallSocketClient davePage = CallSocketClient.open(base, dave)) {
                carolPage.next("hello");
                sendAndWait(carolPage, presence(id, true, true, false));
                davePage.next("hello");
                sendAndWait(davePage, presence(id, true, true, false));
                outsiderAnnounces(id);
                assertEquals(List.of(hostName), names(roster(host, id)), "nobody waiting or outside counts");

                assertEquals(200, host.post("api/meetings/" + id + "/lobby/" + carolName + "/admit", null).status());
                carolPage.send(presence(id, true, true, false));
                rosterChanged(hostPage, id);
                assertEquals(List.of(hostName, carolName), names(roster(host, id)));

                assertEquals(200, host.post("api/meetings/" + id + "/participants/" + carolName + "/remove", null)
                        .status());
                rosterChanged(hostPage, id);
                assertEquals(List.of(hostName), names(roster(host, id)));
                sendAndWait(carolPage, presence(id, true, true, false));
                assertEquals(List.of(hostName), names(roster(host, id)), "a removed page cannot come back");
                HttpAnswer removed = carol.get("api/meetings/" + id + "/roster");
                assertEquals(403, removed.status(), removed::toString);
                assertEquals(200, dave.get("api/meetings/" + id + "/roster").status(), "one who waits may look");
            }
        }
        assertEquals(401, new PortalClient(base).get("api/meetings/" + id + "/roster").status());
        assertEquals(404, outsider.get("api/meetings/" + id + "/roster").status());
        assertEquals(404, host.get("api/meetings/999999999/roster").status());
        assertEquals(404, host.get("api/meetings/x/roster").status());
    }

    private void outsiderAnnounces(long id) {
        try (CallSocketClient page = CallSocketClient.open(base, outsider)) {
            page.next("hello");
            page.send(presence(id, true, true, true));
            page.send("{\"type\":\"room-presence\",\"meeting\":\"x\"}");
            sendAndWait(page, "{\"type\":\"room-nonsense\",\"meeting\":" + id + "}");
        }
    }
}
