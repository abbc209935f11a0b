package org.meetingportal.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * {@code POST /api/meetings/{id}/end} from outside: the meeting ends for everyone at once (its state, the
 * credentials, every page's signal), once however many hosts end it, and only by its hosts, only while it runs.
 */
class EndForAllApiIT extends PortalIT {

    private static PortalClient admin;
    private static String hostName;
    private static String coHostName;
    private static String annName;
    private static PortalClient host;
    private static PortalClient coHost;
    private static PortalClient ann;
    private static PortalClient outsider;

    @BeforeEach
    void people() {
        if (admin == null) {
            admin = admin();
            hostName = TestPortal.uniqueName("ehost");
            coHostName = TestPortal.uniqueName("eco");
            annName = TestPortal.uniqueName("eann");
            host = admin.createSignedInUser(hostName, "EMPLOYEE", "end-host-phrase");
            coHost = admin.createSignedInUser(coHostName, "EMPLOYEE", "end-cohost-phrase");
            ann = admin.createSignedInUser(annName, "EMPLOYEE", "end-ann-phrase");
            outsider = admin.createSignedInUser(TestPortal.uniqueName("eout"), "EMPLOYEE", "end-out-phrase");
        }
    }

    private static long meeting(Duration startIn) {
        Instant start = Instant.now().plus(startIn);
        HttpAnswer created = admin.post("api/meetings", Json.createObjectBuilder().add("title", "End " + hostName)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofMinutes(30)).toString())
                .add("timeZone", "Europe/Berlin").add("hosts", Json.createArrayBuilder().add(hostName).add(coHostName))
                .add("attendees", Json.createArrayBuilder().add(annName)).build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private static boolean listed(PortalClient person, String when, long id) {
        return person.get("api/meetings?when=" + when + "&size=100").json().getJsonArray("items").stream()
                .anyMatch(m -> m.asJsonObject().getJsonNumber("id").longValue() == id);
    }

    private static String end(long id) {
        return "api/meetings/" + id + "/end";
    }

    @Test
    void aHostEndsTheMeetingForEveryoneAtOnce() {
        long id = meeting(Duration.ofMinutes(-1));
        assertEquals(200, ann.post("api/meetings/" + id + "/credentials", null).status());
        try (CallSocketClient annPage = CallSocketClient.open(base, ann)) {
            annPage.next("hello");
            long clicked = System.nanoTime();
            HttpAnswer ended = host.post(end(id), null);
            assertEquals(200, ended.status(), ended::toString);
            JsonObject signal = annPage.next("room", Duration.ofSeconds(5));
            long millis = (System.nanoTime() - clicked) / 1_000_000;
            assertEquals("ended", signal.getString("event"));
            assertEquals(id, signal.getJsonNumber("meeting").longValue());
            System.out.printf("end for all: a host's click to an attendee's page hearing it: %d ms%n", millis);
            assertEquals("ENDED", ended.json().getString("state"));

            HttpAnswer refused = ann.post("api/meetings/" + id + "/credentials", null);
            assertEquals(409, refused.status(), refused::toString);
            assertTrue(refused.json().getString("type").endsWith("credentials.ended"), refused::toString);
            assertEquals(409, host.post("api/meetings/" + id + "/credentials", null).status(), "hosts too");
            JsonObject meeting = ann.get("api/meetings/" + id).json();
            assertEquals("ENDED", meeting.getString("status"));
            assertEquals("ENDED", meeting.getString("state"));
            assertFalse(listed(ann, "current", id), "no longer among the current meetings");
            assertTrue(listed(ann, "past", id), "in the history");
            String search = "admin/meetings.xhtml?q=" + hostName + "&state=";
            String link = "meeting-edit.xhtml?id=" + id + "\"";
            assertTrue(admin.page(search + "ENDED").body().contains(link), "the admins' list finds it among the ended");
            assertFalse(admin.page(search + "OPEN").body().contains(link), "and no longer among the open");

            HttpAnswer again = coHost.post(end(id), null);
            assertEquals(200, again.status(), again::toString);
            assertEquals(ended.json().getString("endedAt"), again.json().getString("endedAt"), "the same end");
            assertTrue(admin.delete("api/meetings/" + id).status() < 500, "cancelling an ended meeting is no error");
            assertEquals("ENDED", ann.get("api/meetings/" + id).json().getString("status"), "it stays ended");
        }
    }

    @Test
    void twoHostsEndingAtOnceEndItOnce() throws Exception {
        long id = meeting(Duration.ofMinutes(-1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpAnswer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                PortalClient who = i % 2 == 0 ? host : coHost;
                answers.add(pool.submit(() -> who.post(end(id), null)));
            }
            Set<String> ends = new HashSet<>();
            for (Future<HttpAnswer> answer : answers) {
                HttpAnswer got = answer.get();
                assertEquals(200, got.status(), got::toString);
                ends.add(got.json().getString("endedAt"));
            }
            assertEquals(1, ends.size(), "one end: " + ends);
        } finally {
            pool.shutdownNow();
        }
        String audit = admin.page("admin/audit.xhtml?meeting=" + id).body();
        assertEquals(1, audit.split("ended the meeting for everyone", -1).length - 1, "one audit row: " + audit);
    }

    @Test
    void onlyItsHostsEndItAndOnlyWhileItRuns() {
        long id = meeting(Duration.ofMinutes(-1));
        assertEquals(401, new PortalClient(base).post(end(id), null).status());
        HttpAnswer attendee = ann.post(end(id), null);
        assertEquals(403, attendee.status(), attendee::toString);
        assertTrue(attendee.json().getString("type").endsWith("room.hostsOnly"));
        assertEquals(404, outsider.post(end(id), null).status());
        assertEquals(404, admin.post(end(id), null).status(), "an admin who is not a host");
        PortalClient forgetful = PortalClient.signedIn(base, hostName, "end-host-phrase");
        forgetful.forgetCsrfToken();
        assertEquals(403, forgetful.post(end(id), null).status(), "no CSRF token");
        assertEquals(200, ann.post("api/meetings/" + id + "/credentials", null).status(), "still running");

        HttpAnswer upcoming = host.post(end(meeting(Duration.ofHours(2))), null);
        assertEquals(409, upcoming.status(), upcoming::toString);
        assertTrue(upcoming.json().getString("type").endsWith("room.notRunning"));
        assertEquals(404, host.post("api/meetings/999999999/end", null).status());
        assertEquals(404, host.post("api/meetings/x/end", null).status());
    }
}
