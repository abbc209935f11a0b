package org.meetingportal.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.credential.TrtcTokens;
import org.meetingportal.testing.CallSocketClient;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/**
 * Mute, stop video and screen, mute all and co-hosts from outside: the person's pages hear it at once, and
 * what a host withholds is missing from the person's next PrivateMapKey (read back with our own verifier)
 * until a host gives it back; a co-host's key has every right and they may run the room, but not make
 * co-hosts. Only hosts act, only on people in the room, never on hosts.
 */
class HostControlsApiIT extends PortalIT {

    private static final String KEY = TestPortal.setting("TRTC_SECRET_KEY");
    private static final int SEND_AUDIO = 4;
    private static final int SEND_VIDEO = 16;
    private static final int SEND_SCREEN = 64;
    private static final Duration SIGNAL = Duration.ofSeconds(5);

    private static PortalClient admin;
    private static String hostName;
    private static PortalClient host;

    @BeforeEach
    void people() {
        if (admin == null) {
            admin = admin();
            hostName = TestPortal.uniqueName("hchost");
            host = admin.createSignedInUser(hostName, "EMPLOYEE", "controls-host-phrase");
        }
    }

    private record Person(String name, PortalClient client) {
    }

    private static Person person(String prefix) {
        String name = TestPortal.uniqueName(prefix);
        return new Person(name, admin.createSignedInUser(name, "EMPLOYEE", "controls-person-phrase"));
    }

    private static String meeting(Duration startIn, Person... attendees) {
        Instant start = Instant.now().plus(startIn);
        List<String> names = new ArrayList<>();
        for (Person attendee : attendees) {
            names.add(attendee.name());
        }
        HttpAnswer created = admin.post("api/meetings", Json.createObjectBuilder().add("title", "Controls " + hostName)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofMinutes(30)).toString())
                .add("timeZone", "UTC").add("hosts", Json.createArrayBuilder().add(hostName))
                .add("attendees", Json.createArrayBuilder(names)).build());
        assertEquals(201, created.status(), created::toString);
        return "api/meetings/" + created.json().getJsonNumber("id").longValue();
    }

    /** The privileges in the person's next PrivateMapKey, as our verifier reads them. */
    private static long privileges(PortalClient person, String meeting) {
        HttpAnswer credential = person.post(meeting + "/credentials", null);
        assertEquals(200, credential.status(), credential::toString);
        long inKey = TrtcTokens.verify(credential.json().getString("privateMapKey"), KEY).userBuf().privileges();
        assertEquals(credential.json().getInt("privileges"), inKey, "the answer says what the key holds");
        return inKey;
    }

    private static JsonObject flag(String name, boolean value) {
        return Json.createObjectBuilder().add(name, value).build();
    }

    private static void hears(CallSocketClient page, String event) {
        page.nextRoomEvent(event, SIGNAL);
    }

    @Test
    void aHeldMuteTakesAudioFromTheNextKeyUntilAHostGivesItBack() {
        Person ann = person("hcann");
        String meeting = meeting(Duration.ofMinutes(-1), ann);
        assertEquals(255, privileges(ann.client(), meeting));
        try (CallSocketClient annPage = CallSocketClient.open(base, ann.client())) {
            annPage.next("hello");
            assertEquals(200, host.post(meeting + "/participants/" + ann.name() + "/mute", null).status());
            hears(annPage, "mute");
            assertEquals(255, privileges(ann.client(), meeting), "a plain mute: the person may unmute");

            HttpAnswer held = host.post(meeting + "/participants/" + ann.name() + "/mute", flag("mayUnmute", false));
            assertEquals(200, held.status(), held::toString);
            hears(annPage, "mute");
            hears(annPage, "privileges");
            assertEquals(255 & ~SEND_AUDIO, privileges(ann.client(), meeting));

            assertEquals(200, host.post(meeting + "/participants/" + ann.name() + "/stop-video", flag("mayRestart", false))
                    .status());
            hears(annPage, "stop-video");
            assertEquals(200, host.post(meeting + "/participants/" + ann.name() + "/stop-screen", flag("mayRestart", false))
                    .status());
            hears(annPage, "stop-screen");
            assertEquals(255 & ~SEND_AUDIO & ~SEND_VIDEO & ~SEND_SCREEN, privileges(ann.client(), meeting));

            assertEquals(200, host.post(meeting + "/participants/" + ann.name() + "/mute", flag("mayUnmute", true)).status());
            hears(annPage, "privileges");
            assertEquals(255 & ~SEND_VIDEO & ~SEND_SCREEN, privileges(ann.client(), meeting), "audio given back");
        }
        assertEquals(255, privileges(host, meeting), "hosts keep everything");
    }

    @Test
    void muteAllHoldsEveryAttendeeAndLateComersButNotHostsOrCoHosts() {
        Person bob = person("hcbob");
        Person carol = person("hccarol");
        Person dave = person("hcdave");
        String meeting = meeting(Duration.ofMinutes(-1), bob, carol, dave);
        privileges(bob.client(), meeting);
        privileges(carol.client(), meeting);
        assertEquals(200, host.post(meeting + "/participants/" + carol.name() + "/make-cohost", null).status());
        try (CallSocketClient bobPage = CallSocketClient.open(base, bob.client())) {
            bobPage.next("hello");
            HttpAnswer muted = host.post(meeting + "/mute-all", flag("mayUnmute", false));
            assertEquals(200, muted.status(), muted::toString);
            hears(bobPage, "mute-all");
            assertEquals(255 & ~SEND_AUDIO, privileges(bob.client(), meeting));
            assertEquals(255 & ~SEND_AUDIO, privileges(dave.client(), meeting), "one who comes later too");
            assertEquals(255, privileges(carol.client(), meeting), "a co-host is not muted");
            assertEquals(255, privileges(host, meeting));

            assertEquals(200, host.post(meeting + "/mute-all", flag("mayUnmute", true)).status());
            hears(bobPage, "privileges");
            assertEquals(255, privileges(bob.client(), meeting));
            assertEquals(255, privileges(dave.client(), meeting));
        }
        String audit = admin.page("admin/audit.xhtml?meeting=" + meeting.substring(meeting.lastIndexOf('/') + 1)).body();
        assertTrue(audit.contains("muted all attendees, and they may not unmute"), audit);
        assertTrue(audit.contains("muted all attendees (they may unmute)"), audit);
    }

    @Test
    void aCoHostRunsTheRoomUntilItIsTakenBack() {
        Person erin = person("hcerin");
        Person frank = person("hcfrank");
        String meeting = meeting(Duration.ofMinutes(-1), erin, frank);
        privileges(frank.client(), meeting);
        assertEquals(255 & ~SEND_AUDIO, privilegesAfterHeldMute(erin, meeting));
        assertEquals(403, erin.client().get(meeting + "/lobby").status());
        try (CallSocketClient erinPage = CallSocketClient.open(base, erin.client())) {
            erinPage.next("hello");
            HttpAnswer made = host.post(meeting + "/participants/" + erin.name() + "/make-cohost", null);
            assertEquals(200, made.status(), made::toString);
            hears(erinPage, "privileges");
        }
        assertEquals(255, privileges(erin.client(), meeting), "every right, whatever was withheld");
        assertEquals(200, erin.client().get(meeting + "/lobby").status(), "a co-host sees the waiting room");
        assertEquals(200, erin.client().post(meeting + "/participants/" + frank.name() + "/mute", null).status());
        HttpAnswer makes = erin.client().post(meeting + "/participants/" + frank.name() + "/make-cohost", null);
        assertEquals(403, makes.status(), makes::toString);
        assertTrue(makes.json().getString("type").endsWith("room.namedHostsOnly"));
        HttpAnswer againstHost = erin.client().post(meeting + "/participants/" + hostName + "/mute", null);
        assertEquals(409, againstHost.status(), againstHost::toString);
        assertTrue(againstHost.json().getString("type").endsWith("room.hostsExempt"));
        assertTrue(host.get(meeting + "/roster").status() == 200);

        assertEquals(200, host.post(meeting + "/participants/" + erin.name() + "/revoke-cohost", null).status());
        assertEquals(255 & ~SEND_AUDIO, privileges(erin.client(), meeting), "back to what was withheld");
        assertEquals(403, erin.client().get(meeting + "/lobby").status());
    }

    private static long privilegesAfterHeldMute(Person person, String meeting) {
        privileges(person.client(), meeting);
        assertEquals(200, host.post(meeting + "/participants/" + person.name() + "/mute", flag("mayUnmute", false)).status());
        return privileges(person.client(), meeting);
    }

    @Test
    void onlyHostsActOnlyOnPeopleInTheRoomAndNeverOnHosts() {
        Person gina = person("hcgina");
        Person hank = person("hchank");
        Person outsider = person("hcout");
        String meeting = meeting(Duration.ofMinutes(-1), gina, hank);
        privileges(gina.client(), meeting);
        String mute = meeting + "/participants/" + gina.name() + "/mute";
        assertEquals(401, new PortalClient(base).post(mute, null).status());
        HttpAnswer attendee = hank.client().post(mute, null);
        assertEquals(403, attendee.status(), attendee::toString);
        assertTrue(attendee.json().getString("type").endsWith("room.hostsOnly"));
        assertEquals(404, outsider.client().post(mute, null).status());
        PortalClient forgetful = PortalClient.signedIn(base, hostName, "controls-host-phrase");
        forgetful.forgetCsrfToken();
        assertEquals(403, forgetful.post(mute, null).status(), "no CSRF token");
        assertEquals(403, forgetful.post(meeting + "/mute-all", null).status(), "no CSRF token");

        HttpAnswer notYetIn = host.post(meeting + "/participants/" + hank.name() + "/mute", null);
        assertEquals(404, notYetIn.status(), "someone who has not come in: " + notYetIn);
        assertEquals(404, host.post(meeting + "/participants/nobody-here/stop-video", null).status());
        HttpAnswer aHost = host.post(meeting + "/participants/" + hostName + "/make-cohost", null);
        assertEquals(409, aHost.status(), aHost::toString);
        HttpAnswer bad = host.send("POST", mute, "{\"mayUnmute\":\"no\"}", "Content-Type", "application/json");
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(List.of("mayUnmute"), bad.problemFields());
        HttpAnswer notJson = host.send("POST", meeting + "/mute-all", "[1]", "Content-Type", "application/json");
        assertEquals(400, notJson.status(), notJson::toString);

        String upcoming = meeting(Duration.ofHours(2), gina);
        HttpAnswer notRunning = host.post(upcoming + "/mute-all", null);
        assertEquals(409, notRunning.status(), notRunning::toString);
        assertTrue(notRunning.json().getString("type").endsWith("room.closed"));
        assertEquals(255, privileges(gina.client(), meeting), "nothing was withheld by any of it");
    }
}
