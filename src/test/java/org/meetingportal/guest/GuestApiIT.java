package org.meetingportal.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.CallSocketClient;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.RawHttp;
import org.meetingportal.testing.TestPortal;

/**
 * Guests from outside: a host's link and passcode let a guest in, who always waits for a host, then takes part
 * under a userId the portal made; a guest sees their meeting's room and nothing else, whatever they forge; a
 * wrong link, a wrong passcode and a revoked link get one answer, and guessing is paused per link and address; a
 * removal, a denial or the meeting's end ends a guest's session, and someone turned away stays out; bad names are
 * refused naming the field, with nothing kept.
 */
class GuestApiIT extends PortalIT {

    private static final String PASSCODE_RIGHT_FORMAT = "\\d{8}";

    private static PortalClient admin;
    private static String hostName;
    private static PortalClient host;

    @BeforeEach
    void people() {
        if (admin == null) {
            admin = admin();
            hostName = TestPortal.uniqueName("gsthost");
            host = admin.createSignedInUser(hostName, "EMPLOYEE", "guest-host-phrase");
        }
    }

    /** A meeting running now that lets its own people in at once: guests wait all the same. */
    private static long meeting(String title) {
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        HttpAnswer created = admin.post("api/meetings", Json.createObjectBuilder().add("title", title)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofMinutes(30)).toString())
                .add("timeZone", "Europe/Berlin").add("hosts", Json.createArrayBuilder().add(hostName))
                .add("attendees", Json.createArrayBuilder()).add("waitingRoom", "NONE").build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private static JsonObject invitation(long meeting) {
        HttpAnswer made = host.post("api/meetings/" + meeting + "/guest-link", null);
        assertEquals(201, made.status(), made::toString);
        return made.json();
    }

    private static String token(JsonObject invitation) {
        String url = invitation.getString("url");
        return url.substring(url.indexOf('#') + 1);
    }

    private static String entry(String token, String passcode, String name) {
        return Json.createObjectBuilder().add("token", token).add("passcode", passcode).add("displayName", name)
                .build().toString();
    }

    private HttpAnswer enter(PortalClient client, JsonObject invitation, String name) {
        HttpAnswer entered = client.send("POST", "api/guest-sessions",
                entry(token(invitation), invitation.getString("passcode"), name));
        if (entered.status() == 201) {
            client.setCsrfToken(entered.json().getString("csrfToken"));
        }
        return entered;
    }

    /** A guest in the waiting room of the invitation's meeting. */
    private PortalClient guest(JsonObject invitation, String name) {
        PortalClient guest = new PortalClient(base);
        HttpAnswer entered = enter(guest, invitation, name);
        assertEquals(201, entered.status(), entered::toString);
        return guest;
    }

    private static String userId(PortalClient guest, long meeting) {
        HttpAnswer waiting = guest.post("api/meetings/" + meeting + "/credentials", null);
        assertRefused(409, "credentials.waiting", waiting);
        JsonArray lobby = host.get("api/meetings/" + meeting + "/lobby").jsonArray();
        return lobby.getJsonObject(lobby.size() - 1).getString("userId");
    }

    private static void assertRefused(int status, String type, HttpAnswer answer) {
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.header("Content-Type").orElse("").startsWith("application/problem+json"), answer::toString);
        assertTrue(answer.json().getString("type").endsWith(type), answer::toString);
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    @Test
    void aGuestComesThroughTheLinkWaitsIsLetInAndTakesPart() {
        long meeting = meeting("Guests " + hostName);
        JsonObject invitation = invitation(meeting);
        assertTrue(invitation.getString("url").matches("https?://[^/#]+/guest\\.xhtml#[A-Za-z0-9_-]+"),
                invitation::toString);
        assertTrue(token(invitation).matches("[A-Za-z0-9_-]{43}"), "a random token of 32 bytes: " + invitation);
        assertTrue(invitation.getString("passcode").matches(PASSCODE_RIGHT_FORMAT), invitation::toString);
        JsonObject planned = host.get("api/meetings/" + meeting).json();
        assertEquals(Instant.parse(planned.getString("endsAt")), Instant.parse(invitation.getString("expiresAt")),
                "the link works until the meeting ends");
        assertTrue(host.page("meeting.xhtml?id=" + meeting, "en").body().contains("guest-invitation-copy"),
                "the host's meeting page offers the invitation");

        PortalClient guest = new PortalClient(base);
        HttpAnswer entered = enter(guest, invitation, "  Vera Visitor 访客  ");
        assertEquals(201, entered.status(), entered::toString);
        String userId = entered.json().getString("userId");
        assertTrue(userId.matches("guest_[a-z0-9]{20}"), "the portal makes the guest's userId: " + userId);
        assertEquals("Vera Visitor 访客", entered.json().getString("displayName"));
        assertEquals(meeting, entered.json().getJsonNumber("meetingId").longValue());
        assertTrue(entered.json().getString("room").endsWith("/guest-room.xhtml"), entered::toString);

        assertRefused(409, "credentials.waiting", guest.post("api/meetings/" + meeting + "/credentials", null));
        assertEquals(200, host.post("api/meetings/" + meeting + "/credentials", null).status());
        try (CallSocketClient waitingPage = CallSocketClient.open(base, guest)) {
            waitingPage.next("hello", Duration.ofSeconds(10));
            assertEquals(201, host.post("api/meetings/" + meeting + "/chat",
                    Json.createObjectBuilder().add("text", "Before you came").build()).status());
            assertRefused(403, "room.notIn", guest.get("api/meetings/" + meeting + "/roster"));
            assertRefused(403, "room.notIn", guest.get("api/meetings/" + meeting + "/chat"));
            assertFalse(waitingPage.receives("room", Duration.ofSeconds(2)),
                    "a waiting guest hears nothing said in the room: " + waitingPage.skipped());
        }
        JsonArray lobby = host.get("api/meetings/" + meeting + "/lobby").jsonArray();
        assertEquals(1, lobby.size(), "a guest waits even where the meeting's own people walk in: " + lobby);
        assertEquals(userId, lobby.getJsonObject(0).getString("userId"));
        assertEquals("Vera Visitor 访客", lobby.getJsonObject(0).getString("displayName"));
        assertTrue(lobby.getJsonObject(0).getBoolean("guest"), lobby::toString);
        assertEquals(200, host.post("api/meetings/" + meeting + "/lobby/" + userId + "/admit", null).status());

        HttpAnswer credential = guest.post("api/meetings/" + meeting + "/credentials", null);
        assertEquals(200, credential.status(), credential::toString);
        assertEquals(userId, credential.json().getString("userId"), "the credential is for the portal's userId");
        assertEquals(planned.getJsonNumber("roomId").longValue(), credential.json().getJsonNumber("roomId").longValue());

        HttpAnswer page = guest.page("guest-room.xhtml", "zh-CN");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("Guests " + hostName), "the guest's page shows their meeting");
        assertTrue(page.body().contains("访客"), "in the guest's language");
        assertFalse(page.body().contains("admin/users.xhtml"), "and nothing of the company's pages");

        assertEquals(201, guest.post("api/meetings/" + meeting + "/chat",
                Json.createObjectBuilder().add("text", "Hello from outside").build()).status());
        JsonArray chat = guest.get("api/meetings/" + meeting + "/chat").json().getJsonArray("messages");
        assertEquals("Before you came", chat.getJsonObject(0).getString("text"), "once in, a guest reads what was said");
        JsonObject said = host.get("api/meetings/" + meeting + "/chat").json().getJsonArray("messages").getJsonObject(1);
        assertEquals(userId, said.getString("userId"));
        assertEquals("Vera Visitor 访客", said.getString("displayName"));
        assertEquals(204, guest.post("api/meetings/" + meeting + "/reactions",
                Json.createObjectBuilder().add("reaction", "clap").build()).status());

        try (CallSocketClient socket = CallSocketClient.open(base, guest)) {
            JsonObject hello = socket.next("hello", Duration.ofSeconds(10));
            assertEquals(userId, hello.getString("you"));
            assertTrue(hello.getJsonObject("present").isEmpty(), "a guest hears nothing of who is online: " + hello);
            socket.send("{\"type\":\"invite\",\"to\":\"" + hostName + "\",\"media\":\"video\"}");
            assertEquals("bad-message", socket.next("error", Duration.ofSeconds(10)).getString("code",
                    socket.skipped().toString()), "a guest calls nobody");
            socket.send("{\"type\":\"room-presence\",\"meeting\":" + meeting
                    + ",\"mic\":true,\"camera\":false,\"screen\":false,\"hand\":true}");
            JsonArray roster = waitForRoster(host, meeting, userId);
            JsonObject entry = roster.stream().map(v -> v.asJsonObject())
                    .filter(e -> e.getString("userId").equals(userId)).findFirst().orElseThrow();
            assertTrue(entry.getBoolean("guest"), entry::toString);
            assertEquals("ATTENDEE", entry.getString("role"));
            assertFalse(entry.isNull("handRaisedAt"), "a guest's raised hand shows: " + entry);
        }

        invitation(meeting);
        assertEquals(200, guest.get("api/meetings/" + meeting + "/chat").status(),
                "a new invitation lets nobody new in through the old link, and takes nobody out");
        String audit = admin.page("admin/audit.xhtml?meeting=" + meeting, "en").body();
        assertTrue(audit.contains("Vera Visitor 访客 (guest, from 127.0.0.1)"), "the audit names the guest: " + audit);
        assertTrue(audit.contains("made a new guest link"), audit);
        assertNotEquals(-1, TestPortal.serverLog().indexOf("security_event=guest_enter user=\"" + userId + "\""));
    }

    private static JsonArray waitForRoster(PortalClient reader, long meeting, String userId) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonArray roster;
        do {
            roster = reader.get("api/meetings/" + meeting + "/roster").jsonArray();
            if (roster.toString().contains(userId)) {
                return roster;
            }
            pause();
        } while (System.nanoTime() < until);
        throw new AssertionError("the guest never showed in the roster: " + roster);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aGuestSeesTheirMeetingAndNothingElseWhateverTheyForge() {
        long meeting = meeting("Isolation " + hostName);
        long other = meeting("Other " + hostName);
        JsonObject invitation = invitation(meeting);
        PortalClient guest = new PortalClient(base);
        HttpAnswer entered = guest.send("POST", "api/guest-sessions", Json.createObjectBuilder()
                .add("token", token(invitation)).add("passcode", invitation.getString("passcode"))
                .add("displayName", "Forger").add("meetingId", other).add("userId", hostName).build().toString());
        assertEquals(201, entered.status(), entered::toString);
        guest.setCsrfToken(entered.json().getString("csrfToken"));
        assertEquals(meeting, entered.json().getJsonNumber("meetingId").longValue(), "the meeting comes from the link");
        String userId = userId(guest, meeting);
        assertTrue(userId.startsWith("guest_"), "a forged userId is ignored: " + userId);
        host.post("api/meetings/" + meeting + "/lobby/" + userId + "/admit", null);
        assertEquals(200, guest.post("api/meetings/" + meeting + "/credentials", null).status());

        for (String path : List.of("api/me", "api/meetings", "api/meetings/" + meeting, "api/users",
                "api/meetings/" + meeting + "/participants",
                "api/meetings/" + meeting + "/lobby",
                "api/meetings/" + other + "/chat", "api/meetings/" + other + "/roster")) {
            assertEquals(401, guest.get(path).status(), "as for an anonymous visitor: GET " + path);
        }
        for (String path : List.of("api/meetings", "api/meetings/" + other + "/credentials",
                "api/meetings/" + meeting + "/guest-link",
                "api/meetings/" + meeting + "/end", "api/meetings/" + meeting + "/participants/" + hostName + "/remove",
                "api/meetings/" + meeting + "/lobby/" + userId + "/admit")) {
            assertEquals(401, guest.post(path, Json.createObjectBuilder().build()).status(),
                    "as for an anonymous visitor: POST " + path);
        }
        for (String page : List.of("index.xhtml", "calls.xhtml", "account.xhtml", "admin/users.xhtml",
                "meeting.xhtml?id=" + meeting)) {
            HttpAnswer answer = guest.page(page, "en");
            assertEquals(302, answer.status(), page + ": " + answer);
            assertTrue(answer.header("Location").orElse("").contains("/login.xhtml"), page + ": " + answer);
        }
        assertEquals(403, guest.send("POST", "api/meetings/" + meeting + "/chat", "{\"text\":\"hi\"}",
                "X-CSRF-Token", "forged").status(), "a state change without the guest's token is refused");
        assertEquals(200, guest.get("api/meetings/" + meeting + "/chat").status(), "their own room stays open");

        HttpAnswer employee = host.post("api/guest-sessions", json(entry(token(invitation),
                invitation.getString("passcode"), "Me")));
        assertRefused(409, "guest.signedIn", employee);
        assertEquals(200, host.get("api/me").status(), "someone signed in stays signed in as themselves");
    }

    @Test
    void wrongLinksAndPasscodesGetOneAnswerAndGuessingIsPausedPerLinkAndAddress() {
        long meeting = meeting("Guessing " + hostName);
        JsonObject invitation = invitation(meeting);
        String token = token(invitation);
        String passcode = invitation.getString("passcode");
        String wrong = passcode.equals("00000000") ? "11111111" : "00000000";
        String guesser = RawHttp.freshLoopbackAddress();

        RawHttp.Answer wrongPasscode = RawHttp.postJson(base, guesser, "/api/guest-sessions", entry(token, wrong, "G"));
        RawHttp.Answer wrongLink = RawHttp.postJson(base, guesser, "/api/guest-sessions",
                entry(token.substring(1) + "A", passcode, "G"));
        assertEquals(403, wrongPasscode.status(), wrongPasscode::toString);
        assertEquals(403, wrongLink.status(), wrongLink::toString);
        assertEquals(json(wrongPasscode.body()).getString("detail"), json(wrongLink.body()).getString("detail"),
                "which of the two was wrong is not said");
        assertTrue(json(wrongPasscode.body()).getString("type").endsWith("guest.refused"), wrongPasscode::toString);

        for (int i = 2; i <= 5; i++) {
            assertEquals(403, RawHttp.postJson(base, guesser, "/api/guest-sessions", entry(token, wrong, "G")).status());
        }
        RawHttp.Answer paused = RawHttp.postJson(base, guesser, "/api/guest-sessions", entry(token, passcode, "G"));
        assertEquals(429, paused.status(), "five wrong attempts pause this address on this link: " + paused);
        assertTrue(Long.parseLong(paused.header("Retry-After").orElseThrow()) > 0, paused::toString);
        RawHttp.Answer elsewhere = RawHttp.postJson(base, RawHttp.freshLoopbackAddress(), "/api/guest-sessions",
                entry(token, passcode, "Right"));
        assertEquals(201, elsewhere.status(), "the right passcode from another address still works: " + elsewhere);

        JsonObject newer = invitation(meeting);
        RawHttp.Answer revoked = RawHttp.postJson(base, RawHttp.freshLoopbackAddress(), "/api/guest-sessions",
                entry(token, passcode, "Late"));
        assertEquals(403, revoked.status(), "a new link revokes the old one: " + revoked);
        assertEquals(json(wrongPasscode.body()).getString("detail"), json(revoked.body()).getString("detail"));
        assertEquals(201, RawHttp.postJson(base, RawHttp.freshLoopbackAddress(), "/api/guest-sessions",
                entry(token(newer), newer.getString("passcode"), "On time")).status());
        assertTrue(TestPortal.serverLog().contains("security_event=guest_enter_fail"), "each failure is logged");
    }

    @Test
    void removalDenialAndTheEndCloseTheDoorAndBadNamesAreRefused() {
        long meeting = meeting("Door " + hostName);
        JsonObject invitation = invitation(meeting);

        for (String bad : List.of("   ", "x".repeat(101), "Bell\u0007Ringer", "\u202Egnp.exe")) {
            HttpAnswer refused = new PortalClient(base).send("POST", "api/guest-sessions",
                    entry(token(invitation), invitation.getString("passcode"), bad));
            assertRefused(400, "error.invalid", refused);
            assertEquals("displayName", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"),
                    refused::toString);
        }
        assertEquals(0, host.get("api/meetings/" + meeting + "/lobby").jsonArray().size(), "nothing kept");

        PortalClient removed = guest(invitation, "Removed Rita");
        String removedId = userId(removed, meeting);
        host.post("api/meetings/" + meeting + "/lobby/" + removedId + "/admit", null);
        assertEquals(200, removed.post("api/meetings/" + meeting + "/credentials", null).status());
        try (CallSocketClient socket = CallSocketClient.open(base, removed)) {
            socket.next("hello", Duration.ofSeconds(10));
            assertEquals(200, host.post("api/meetings/" + meeting + "/participants/" + removedId + "/remove", null)
                    .status());
            assertTrue(socket.closing(Duration.ofSeconds(15)) != null, "the removed guest's socket closes");
        }
        assertEquals(401, removed.get("api/meetings/" + meeting + "/chat").status(), "the session has ended");
        HttpAnswer roomPage = removed.page("guest-room.xhtml", "en");
        assertEquals(302, roomPage.status(), roomPage::toString);
        assertTrue(roomPage.header("Location").orElse("").endsWith("/guest.xhtml?left=true"), roomPage::toString);
        assertRefused(403, "guest.turnedAway", enter(new PortalClient(base), invitation, "Rita Again"));

        String door = RawHttp.freshLoopbackAddress();
        RawHttp.Answer denied = RawHttp.postJson(base, door, "/api/guest-sessions",
                entry(token(invitation), invitation.getString("passcode"), "Denied Dan"));
        assertEquals(201, denied.status(), denied::toString);
        String deniedId = json(denied.body()).getString("userId");
        RawHttp.Answer knocked = RawHttp.send(base, door, "POST", "/api/meetings/" + meeting + "/credentials", null,
                "Cookie: JSESSIONID=" + denied.cookie("JSESSIONID").orElseThrow(),
                "X-CSRF-Token: " + json(denied.body()).getString("csrfToken"));
        assertEquals(409, knocked.status(), knocked::toString);
        JsonArray lobby = host.get("api/meetings/" + meeting + "/lobby").jsonArray();
        assertEquals(deniedId, lobby.getJsonObject(0).getString("userId"), "waiting once a credential is asked: " + lobby);
        assertEquals(200, host.post("api/meetings/" + meeting + "/lobby/" + deniedId + "/deny", null).status());
        RawHttp.Answer again = RawHttp.postJson(base, door, "/api/guest-sessions",
                entry(token(invitation), invitation.getString("passcode"), "Dan Again"));
        assertEquals(403, again.status(), "turned away from the same address through the same link: " + again);

        // A new invitation lets in even an address turned away through the old link.
        JsonObject newer = invitation(meeting);
        PortalClient stays = guest(newer, "Until The End");
        userId(stays, meeting);
        assertRefused(409, "credentials.waiting", stays.post("api/meetings/" + meeting + "/credentials", null));
        assertEquals(200, host.post("api/meetings/" + meeting + "/end", null).status());
        assertEquals(401, stays.post("api/meetings/" + meeting + "/credentials", null).status(), "the meeting's end ends it");
        assertRefused(403, "guest.refused", enter(new PortalClient(base), newer, "After The End"));
    }
}
