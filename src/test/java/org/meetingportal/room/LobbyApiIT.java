package org.meetingportal.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.CallSocketClient;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/**
 * The waiting room from outside: who waits, what hosts see and decide, what each decision does to the next
 * credential request, who may decide (anonymous, attendee, other employee, admin, host), and two hosts
 * deciding at once.
 */
class LobbyApiIT extends PortalIT {

    private static PortalClient admin;
    private static String hostName;
    private static String coHostName;
    private static String annName;
    private static String bobName;
    private static PortalClient host;
    private static PortalClient coHost;
    private static PortalClient ann;
    private static PortalClient bob;
    private static String outsiderName;
    private static PortalClient outsider;

    @BeforeEach
    void people() {
        if (admin == null) {
            admin = admin();
            hostName = TestPortal.uniqueName("lhost");
            coHostName = TestPortal.uniqueName("lco");
            annName = TestPortal.uniqueName("lann");
            bobName = TestPortal.uniqueName("lbob");
            host = admin.createSignedInUser(hostName, "EMPLOYEE", "lobby-host-phrase");
            coHost = admin.createSignedInUser(coHostName, "EMPLOYEE", "lobby-cohost-phrase");
            ann = admin.createSignedInUser(annName, "EMPLOYEE", "lobby-ann-phrase");
            bob = admin.createSignedInUser(bobName, "EMPLOYEE", "lobby-bob-phrase");
            outsiderName = TestPortal.uniqueName("lout");
            outsider = admin.createSignedInUser(outsiderName, "EMPLOYEE", "lobby-out-phrase");
        }
    }

    /** A meeting open now, with the two hosts and Ann and Bob as attendees. */
    private static long meeting(String waitingRoom, boolean hostFirst) {
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        HttpAnswer created = admin.post("api/meetings", Json.createObjectBuilder().add("title", "Lobby " + hostName)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofMinutes(30)).toString())
                .add("timeZone", "Asia/Shanghai")
                .add("hosts", Json.createArrayBuilder().add(hostName).add(coHostName))
                .add("attendees", Json.createArrayBuilder().add(annName).add(bobName))
                .add("waitingRoom", waitingRoom).add("hostFirst", hostFirst).build());
        assertEquals(201, created.status(), created::toString);
        assertEquals(waitingRoom, created.json().getString("waitingRoom"));
        assertEquals(hostFirst, created.json().getBoolean("hostFirst"));
        return created.json().getJsonNumber("id").longValue();
    }

    private static HttpAnswer credentials(PortalClient client, long meeting) {
        return client.post("api/meetings/" + meeting + "/credentials", null);
    }

    private static void assertRefused(int status, String type, HttpAnswer answer) {
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.header("Content-Type").orElse("").startsWith("application/problem+json"), answer::toString);
        assertTrue(answer.json().getString("type").endsWith(type), answer::toString);
    }

    @Test
    void anAttendeeWaitsUntilAHostAdmitsThem() {
        long id = meeting("ALL_BUT_HOSTS", false);
        assertEquals(200, credentials(host, id).status(), "hosts never wait");
        Instant asked = Instant.now();
        assertRefused(409, "credentials.waiting", credentials(ann, id));
        assertRefused(409, "credentials.waiting", credentials(ann, id));

        JsonArray lobby = host.get("api/meetings/" + id + "/lobby").jsonArray();
        assertEquals(1, lobby.size(), lobby::toString);
        JsonObject waiting = lobby.getJsonObject(0);
        assertEquals(annName, waiting.getString("userId"));
        assertEquals("Test " + annName, waiting.getString("displayName"));
        assertTrue(Duration.between(asked, Instant.parse(waiting.getString("since"))).abs().toSeconds() < 30);

        HttpAnswer admitted = host.post("api/meetings/" + id + "/lobby/" + annName + "/admit", null);
        assertEquals(200, admitted.status(), admitted::toString);
        assertEquals("ADMITTED", admitted.json().getString("decision"));
        assertEquals(200, credentials(ann, id).status(), "in once admitted");
        assertEquals(0, host.get("api/meetings/" + id + "/lobby").jsonArray().size());

        HttpAnswer again = coHost.post("api/meetings/" + id + "/lobby/" + annName + "/admit", null);
        assertEquals(200, again.status(), "admitting twice ends in the same result: " + again);
        assertRefused(409, "lobby.decidedOtherwise",
                coHost.post("api/meetings/" + id + "/lobby/" + annName + "/deny", null));
    }

    /** What lets a waiting page enter at once: its socket hears the decision, the hosts' sockets the queue. */
    @Test
    void hostsHearSomeoneWaitAndTheWaitingPersonHearsTheDecision() {
        long id = meeting("ALL_BUT_HOSTS", false);
        try (CallSocketClient hostPage = CallSocketClient.open(base, host);
                CallSocketClient annPage = CallSocketClient.open(base, ann)) {
            hostPage.next("hello");
            annPage.next("hello");
            assertRefused(409, "credentials.waiting", credentials(ann, id));
            JsonObject waiting = hostPage.next("room", Duration.ofSeconds(5));
            assertEquals(id, waiting.getJsonNumber("meeting").longValue());
            assertEquals("waiting", waiting.getString("event"));
            assertFalse(annPage.receives("room", Duration.ofMillis(300)), "nobody decided yet");

            long admitted = System.nanoTime();
            assertEquals(200, host.post("api/meetings/" + id + "/lobby/" + annName + "/admit", null).status());
            JsonObject heard = annPage.next("room", Duration.ofSeconds(5));
            long millis = (System.nanoTime() - admitted) / 1_000_000;
            assertEquals("admitted", heard.getString("event"));
            assertEquals(200, credentials(ann, id).status(), "the decision was made when it was heard");
            assertEquals("lobby", hostPage.next("room", Duration.ofSeconds(5)).getString("event"));
            System.out.printf("waiting room: a host's admit to the waiting page hearing it: %d ms%n", millis);
        }
    }

    @Test
    void aDeniedPersonCannotAskAgain() {
        long id = meeting("ALL_BUT_HOSTS", false);
        assertRefused(409, "credentials.waiting", credentials(bob, id));
        HttpAnswer denied = host.post("api/meetings/" + id + "/lobby/" + bobName + "/deny", null);
        assertEquals(200, denied.status(), denied::toString);
        assertEquals("DENIED", denied.json().getString("decision"));
        assertRefused(403, "credentials.denied", credentials(bob, id));
        assertRefused(403, "credentials.denied", credentials(bob, id));
        assertEquals(0, host.get("api/meetings/" + id + "/lobby").jsonArray().size(), "not back in the queue");
    }

    @Test
    void admitAllLetsInEveryoneWaiting() {
        long id = meeting("ALL_BUT_HOSTS", false);
        assertRefused(409, "credentials.waiting", credentials(ann, id));
        assertRefused(409, "credentials.waiting", credentials(bob, id));
        HttpAnswer all = host.post("api/meetings/" + id + "/lobby/admit-all", null);
        assertEquals(200, all.status(), all::toString);
        assertEquals(2, all.json().getInt("admitted"));
        assertEquals(200, credentials(ann, id).status());
        assertEquals(200, credentials(bob, id).status());
        assertEquals(0, host.post("api/meetings/" + id + "/lobby/admit-all", null).json().getInt("admitted"));
    }

    @Test
    void withoutAWaitingRoomNobodyWaitsButNobodyEntersBeforeAHostIfSoChosen() {
        assertEquals(200, credentials(ann, meeting("NONE", false)).status());
        long id = meeting("NONE", true);
        assertRefused(409, "credentials.waitingForHost", credentials(ann, id));
        assertEquals(0, host.get("api/meetings/" + id + "/lobby").jsonArray().size(), "no queue: nobody to admit");
        assertEquals(200, credentials(coHost, id).status());
        assertEquals(200, credentials(ann, id).status(), "in once a host has entered");
    }

    @Test
    void onlyTheMeetingsHostsSeeAndDecide() {
        long id = meeting("ALL_BUT_HOSTS", false);
        assertRefused(409, "credentials.waiting", credentials(ann, id));
        String lobby = "api/meetings/" + id + "/lobby";
        String admit = lobby + "/" + annName + "/admit";
        assertEquals(401, new PortalClient(base).get(lobby).status(), "anonymous");
        assertEquals(401, new PortalClient(base).post(admit, null).status(), "anonymous");
        assertRefused(403, "room.hostsOnly", bob.get(lobby));
        assertRefused(403, "room.hostsOnly", bob.post(admit, null));
        assertEquals(404, outsider.get(lobby).status(), "another employee does not learn of the meeting");
        assertEquals(404, outsider.post(admit, null).status());
        assertEquals(404, admin.post(admit, null).status(), "an admin who is not a host runs nobody's meeting");
        assertEquals(404, host.post(lobby + "/" + outsiderName + "/admit", null).status(), "nobody of that name waits");
        assertEquals(404, host.post(lobby + "/" + bobName + "/admit", null).status(), "Bob never asked");
        assertEquals(404, host.post("api/meetings/999999999/lobby/" + annName + "/admit", null).status());
        PortalClient forgetful = PortalClient.signedIn(base, hostName, "lobby-host-phrase");
        forgetful.forgetCsrfToken();
        assertEquals(403, forgetful.post(admit, null).status(), "no CSRF token, no decision");
        assertRefused(409, "credentials.waiting", credentials(ann, id));
    }

    @Test
    void twoHostsDecidingAtOnceEndInOneResult() throws Exception {
        long id = meeting("ALL_BUT_HOSTS", false);
        assertRefused(409, "credentials.waiting", credentials(ann, id));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpAnswer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                PortalClient who = i % 2 == 0 ? host : coHost;
                answers.add(pool.submit(() -> who.post("api/meetings/" + id + "/lobby/" + annName + "/admit", null)));
            }
            for (Future<HttpAnswer> answer : answers) {
                HttpAnswer got = answer.get();
                assertEquals(200, got.status(), got::toString);
                assertEquals("ADMITTED", got.json().getString("decision"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, credentials(ann, id).status());
        String audit = admin.page("admin/audit.xhtml?meeting=" + id).body();
        assertEquals(1, audit.split("let in from the waiting room", -1).length - 1, "one audit row: " + audit);
        assertTrue(audit.contains(annName), "whom");
    }

    @Test
    void aLockedMeetingSendsAnyoneNewToTheWaitingRoomAndKeepsWhoIsIn() {
        long id = meeting("NONE", false);
        assertEquals(200, credentials(ann, id).status(), "no waiting room");
        String lock = "api/meetings/" + id + "/lock";
        assertEquals(403, bob.send("PUT", lock, "{\"locked\":true}").status(), "attendees cannot lock");
        assertEquals(400, host.send("PUT", lock, "{}").status());
        assertEquals(400, host.send("PUT", lock, "{\"locked\":\"maybe\"}").status());
        HttpAnswer locked = host.send("PUT", lock, "{\"locked\":true}");
        assertEquals(200, locked.status(), locked::toString);
        assertTrue(locked.json().getBoolean("locked"));
        assertTrue(host.get("api/meetings/" + id).json().getBoolean("locked"));
        assertEquals(200, credentials(ann, id).status(), "who is in stays in");
        assertRefused(409, "credentials.waiting", credentials(bob, id));
        assertEquals(200, credentials(coHost, id).status(), "hosts never wait");
        assertEquals(200, host.send("PUT", lock, "{\"locked\":true}").status(), "locking again changes nothing");
        assertEquals(200, host.send("PUT", lock, "{\"locked\":false}").status());
        assertRefused(409, "credentials.waiting", credentials(bob, id));
        assertEquals(200, host.post("api/meetings/" + id + "/lobby/" + bobName + "/admit", null).status(),
                "who asked while it was locked still waits for a decision");
        assertEquals(200, credentials(bob, id).status());
        String audit = admin.page("admin/audit.xhtml?meeting=" + id).body();
        assertEquals(1, audit.split(">\\s*locked the meeting", -1).length - 1, audit);
    }

    @Test
    void badInputIsAClearNo() {
        assertEquals(400, admin.post("api/meetings", Json.createObjectBuilder().add("title", "Bad lobby")
                .add("startsAt", Instant.now().toString()).add("endsAt", Instant.now().plusSeconds(600).toString())
                .add("timeZone", "UTC").add("waitingRoom", "SOMETIMES").build()).status());
        assertEquals(404, host.get("api/meetings/abc/lobby").status());
    }
}
