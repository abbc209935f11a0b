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
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.CallSocketClient;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;
import org.meetingportal.testing.TestTencentCloud;

/**
 * {@code POST /api/meetings/{id}/participants/{userId}/remove} from outside: the person's pages leave, their
 * credentials are refused for good, TRTC's {@code RemoveUser} reaches Tencent's endpoint signed as Tencent checks
 * it (the tests' stand-in, with our own verifier), a failing cloud is retried and shown to hosts without undoing
 * anything, and "end for all" asks for {@code DismissRoom}. The PostgreSQL runs give the servers no cloud
 * account: there the same removal holds through credentials alone, and nothing is sent.
 */
class RemovalApiIT extends PortalIT {

    private static final Duration CLOUD_WAIT = Duration.ofSeconds(20);

    private static PortalClient admin;
    private static String hostName;
    private static String coHostName;
    private static PortalClient host;
    private static PortalClient coHost;
    private static PortalClient outsider;

    @BeforeEach
    void people() {
        if (admin == null) {
            admin = admin();
            hostName = TestPortal.uniqueName("rhost");
            coHostName = TestPortal.uniqueName("rco");
            host = admin.createSignedInUser(hostName, "EMPLOYEE", "remove-host-phrase");
            coHost = admin.createSignedInUser(coHostName, "EMPLOYEE", "remove-cohost-phrase");
            outsider = admin.createSignedInUser(TestPortal.uniqueName("rout"), "EMPLOYEE", "remove-out-phrase");
        }
    }

    private record Meeting(long id, long roomId) {
    }

    private static Meeting meeting(Duration startIn, String... attendees) {
        Instant start = Instant.now().plus(startIn);
        HttpAnswer created = admin.post("api/meetings", Json.createObjectBuilder().add("title", "Removal " + hostName)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofMinutes(30)).toString())
                .add("timeZone", "Europe/Berlin").add("hosts", Json.createArrayBuilder().add(hostName).add(coHostName))
                .add("attendees", Json.createArrayBuilder(List.of(attendees))).build());
        assertEquals(201, created.status(), created::toString);
        return new Meeting(created.json().getJsonNumber("id").longValue(), created.json().getJsonNumber("roomId").longValue());
    }

    private static String remove(long id, String who) {
        return "api/meetings/" + id + "/participants/" + who + "/remove";
    }

    private static HttpAnswer credentials(PortalClient person, long id) {
        return person.post("api/meetings/" + id + "/credentials", null);
    }

    private static Optional<TestTencentCloud> cloud() {
        return TestTencentCloud.forServers();
    }

    private static Predicate<TestTencentCloud.Received> removal(Meeting meeting, String who) {
        return r -> r.action().equals("RemoveUser") && r.parameters().getJsonNumber("RoomId").longValue() == meeting.roomId()
                && r.parameters().getJsonArray("UserIds").getString(0).equals(who);
    }

    /** The meeting's cloud calls once the one of {@code action} is in {@code state}, or as they are after the wait. */
    private static JsonObject cloudCall(long id, String action, String state) {
        Instant until = Instant.now().plus(CLOUD_WAIT);
        for (;;) {
            JsonArray calls = host.get("api/meetings/" + id + "/cloud-calls").jsonArray();
            Optional<JsonObject> call = calls.stream().map(v -> v.asJsonObject())
                    .filter(c -> c.getString("action").equals(action)).findFirst();
            if (call.isPresent() && (call.get().getString("state").equals(state) || Instant.now().isAfter(until))) {
                return call.get();
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("no " + action + " among " + calls);
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aHostRemovesSomeoneForGood() {
        String annName = TestPortal.uniqueName("rann");
        PortalClient ann = admin.createSignedInUser(annName, "EMPLOYEE", "remove-ann-phrase");
        Meeting meeting = meeting(Duration.ofMinutes(-1), annName);
        assertEquals(200, credentials(ann, meeting.id()).status());
        try (CallSocketClient annPage = CallSocketClient.open(base, ann)) {
            annPage.next("hello");
            long clicked = System.nanoTime();
            HttpAnswer removed = host.post(remove(meeting.id(), annName), null);
            assertEquals(200, removed.status(), removed::toString);
            JsonObject signal = annPage.next("room", Duration.ofSeconds(5));
            long millis = (System.nanoTime() - clicked) / 1_000_000;
            assertEquals("removed", signal.getString("event"));
            assertEquals(meeting.id(), signal.getJsonNumber("meeting").longValue());
            System.out.printf("remove: a host's click to the removed person's page hearing it: %d ms%n", millis);
            assertTrue(removed.json().getBoolean("removedNow"));
            assertEquals(annName, removed.json().getString("userId"));
            assertEquals(cloud().isPresent(), removed.json().getBoolean("cloudAsked"));
        }
        for (int tab = 0; tab < 2; tab++) {
            HttpAnswer refused = credentials(ann, meeting.id());
            assertEquals(403, refused.status(), refused::toString);
            assertTrue(refused.json().getString("type").endsWith("credentials.removed"), refused::toString);
        }
        HttpAnswer again = coHost.post(remove(meeting.id(), annName), null);
        assertEquals(200, again.status(), again::toString);
        assertFalse(again.json().getBoolean("removedNow"), "removed already");
        String audit = admin.page("admin/audit.xhtml?meeting=" + meeting.id()).body();
        assertEquals(1, audit.split("removed from the meeting", -1).length - 1, "one audit row: " + audit);
        assertEquals(200, credentials(host, meeting.id()).status(), "the hosts stay in");

        if (cloud().isPresent()) {
            List<TestTencentCloud.Received> sent = cloud().get().await(removal(meeting, annName), 1, CLOUD_WAIT);
            assertEquals(1, sent.size(), "one RemoveUser: " + cloud().get().received());
            TestTencentCloud.Received call = sent.get(0);
            assertEquals(Optional.empty(), call.signatureProblem(), "signed as Tencent checks it");
            assertEquals(TestPortal.numericSetting("TRTC_SDK_APP_ID"), call.parameters().getJsonNumber("SdkAppId").longValue());
            assertEquals(TestPortal.setting("PORTAL_TENCENTCLOUD_REGION"), call.region());
            assertEquals(TestPortal.setting("PORTAL_TENCENTCLOUD_ENDPOINT"), call.headers().get("Host"));
            JsonObject confirmed = cloudCall(meeting.id(), "REMOVE_USER", "DONE");
            assertEquals("DONE", confirmed.getString("state"), confirmed::toString);
            assertEquals(annName, confirmed.getString("userId"));
            assertEquals(1, confirmed.getInt("attempts"));
        } else {
            assertEquals(0, host.get("api/meetings/" + meeting.id() + "/cloud-calls").jsonArray().size(),
                    "no cloud account, no calls");
        }
    }

    @Test
    void aCloudThatFailsIsRetriedAndShownToHostsAndUndoesNothing() {
        String bobName = TestPortal.uniqueName("rbob");
        PortalClient bob = admin.createSignedInUser(bobName, "EMPLOYEE", "remove-bob-phrase");
        Meeting meeting = meeting(Duration.ofMinutes(-1), bobName);
        assertEquals(200, credentials(bob, meeting.id()).status());
        cloud().ifPresent(c -> c.failNext(2));
        try (CallSocketClient hostPage = CallSocketClient.open(base, host)) {
            hostPage.next("hello");
            assertEquals(200, host.post(remove(meeting.id(), bobName), null).status());
            if (cloud().isPresent()) {
                hostPage.nextRoomEvent("cloud", CLOUD_WAIT);
                JsonObject pending = cloudCall(meeting.id(), "REMOVE_USER", "PENDING");
                assertTrue(pending.getString("lastError").contains("InternalError"), pending::toString);
                assertEquals(403, credentials(bob, meeting.id()).status(), "the removal stands while the cloud fails");

                JsonObject confirmed = cloudCall(meeting.id(), "REMOVE_USER", "DONE");
                assertEquals("DONE", confirmed.getString("state"), confirmed::toString);
                assertEquals(3, confirmed.getInt("attempts"), "two failures, then confirmed");
                assertFalse(confirmed.containsKey("lastError") && !confirmed.isNull("lastError"), confirmed::toString);
                List<TestTencentCloud.Received> sent = cloud().get().received().stream().filter(removal(meeting, bobName))
                        .toList();
                assertEquals(3, sent.size(), "three attempts reached the cloud");
                assertTrue(sent.stream().allMatch(TestTencentCloud.Received::signed));
            } else {
                assertEquals(0, host.get("api/meetings/" + meeting.id() + "/cloud-calls").jsonArray().size());
            }
        }
        assertEquals(403, credentials(bob, meeting.id()).status(), "removed for good");
    }

    @Test
    void endingForAllAsksTheCloudToDismissTheRoom() {
        Meeting meeting = meeting(Duration.ofMinutes(-1));
        assertEquals(200, host.post("api/meetings/" + meeting.id() + "/end", null).status());
        if (cloud().isPresent()) {
            List<TestTencentCloud.Received> sent = cloud().get().await(r -> r.action().equals("DismissRoom")
                    && r.parameters().getJsonNumber("RoomId").longValue() == meeting.roomId(), 1, CLOUD_WAIT);
            assertEquals(1, sent.size(), () -> "one DismissRoom: " + cloud().get().received());
            assertTrue(sent.get(0).signed(), () -> sent.get(0).signatureProblem().orElse(""));
            assertEquals("DONE", cloudCall(meeting.id(), "DISMISS_ROOM", "DONE").getString("state"));
        } else {
            assertEquals(0, host.get("api/meetings/" + meeting.id() + "/cloud-calls").jsonArray().size());
        }
    }

    @Test
    void aRoomTencentNoLongerHasIsNothingLeftToDismiss() {
        Meeting meeting = meeting(Duration.ofMinutes(-1));
        cloud().ifPresent(c -> c.failNext(1, "FailedOperation.RoomNotExist"));
        assertEquals(200, host.post("api/meetings/" + meeting.id() + "/end", null).status());
        if (cloud().isPresent()) {
            JsonObject call = cloudCall(meeting.id(), "DISMISS_ROOM", "DONE");
            assertEquals("DONE", call.getString("state"), call::toString);
            assertEquals(1, call.getInt("attempts"), "Tencent's answer that the room is gone ends it");
        }
    }

    @Test
    void onlyItsHostsRemoveAndOnlyPeopleOfTheMeeting() {
        String carolName = TestPortal.uniqueName("rcarol");
        PortalClient carol = admin.createSignedInUser(carolName, "EMPLOYEE", "remove-carol-phrase");
        Meeting meeting = meeting(Duration.ofMinutes(-1), carolName);
        String path = remove(meeting.id(), carolName);
        assertEquals(401, new PortalClient(base).post(path, null).status());
        HttpAnswer attendee = carol.post(remove(meeting.id(), hostName), null);
        assertEquals(403, attendee.status(), attendee::toString);
        assertTrue(attendee.json().getString("type").endsWith("room.hostsOnly"));
        assertEquals(404, outsider.post(path, null).status());
        assertEquals(404, admin.post(path, null).status(), "an admin who is not a host");
        PortalClient forgetful = PortalClient.signedIn(base, hostName, "remove-host-phrase");
        forgetful.forgetCsrfToken();
        assertEquals(403, forgetful.post(path, null).status(), "no CSRF token");

        HttpAnswer stranger = host.post(remove(meeting.id(), "nobody-here"), null);
        assertEquals(404, stranger.status(), stranger::toString);
        assertEquals("application/problem+json", stranger.contentType());
        HttpAnswer aHost = host.post(remove(meeting.id(), coHostName), null);
        assertEquals(409, aHost.status(), aHost::toString);
        assertTrue(aHost.json().getString("type").endsWith("room.hostsStay"));
        assertEquals(200, credentials(carol, meeting.id()).status(), "nobody was removed");
        assertEquals(404, host.post("api/meetings/x/participants/" + carolName + "/remove", null).status());
        assertEquals(404, host.post("api/meetings/999999999/participants/" + carolName + "/remove", null).status());

        assertEquals(200, host.post("api/meetings/" + meeting.id() + "/end", null).status());
        HttpAnswer over = host.post(path, null);
        assertEquals(409, over.status(), over::toString);
        assertTrue(over.json().getString("type").endsWith("room.over"));
        HttpAnswer attendeeCalls = carol.get("api/meetings/" + meeting.id() + "/cloud-calls");
        assertEquals(403, attendeeCalls.status(), "only hosts see the cloud calls");
    }
}
