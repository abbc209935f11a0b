package org.meetingportal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/**
 * {@code POST /api/meetings/{id}/credentials}: the whole answer matrix, credentials that verify under
 * Tencent's algorithm with the test application's key, the audit, concurrency, and the key never leaving.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CredentialsApiIT extends PortalIT {

    private static final String KEY = TestPortal.setting("TRTC_SECRET_KEY");
    private static final long APP_ID = TestPortal.numericSetting("TRTC_SDK_APP_ID");
    /** The PrivateMapKey lifetime the test server runs with (PORTAL_PRIVATEMAPKEY_TTL_SECONDS). */
    private static final long KEY_TTL = TestPortal.numericSetting("PORTAL_PRIVATEMAPKEY_TTL_SECONDS");

    private static PortalClient admin;
    private static String hostName;
    private static String attendeeName;
    private static PortalClient host;
    private static PortalClient attendee;
    private static PortalClient outsider;
    private static final List<String> collectedAnswers = new ArrayList<>();

    @BeforeEach
    void people() {
        if (admin == null) {
            admin = admin();
            hostName = TestPortal.uniqueName("chost");
            attendeeName = TestPortal.uniqueName("catt");
            host = admin.createSignedInUser(hostName, "EMPLOYEE", "cred-host-phrase");
            attendee = admin.createSignedInUser(attendeeName, "EMPLOYEE", "cred-attendee-phrase");
            outsider = admin.createSignedInUser(TestPortal.uniqueName("cout"), "EMPLOYEE", "cred-outsider-phrase");
        }
    }

    private static JsonObjectBuilder meeting(Duration startIn, Duration length, String access, String rights) {
        Instant start = Instant.now().plus(startIn);
        return Json.createObjectBuilder().add("title", "Credentials " + hostName)
                .add("startsAt", start.toString()).add("endsAt", start.plus(length).toString())
                .add("timeZone", "Asia/Shanghai").add("hosts", Json.createArrayBuilder().add(hostName))
                .add("attendees", Json.createArrayBuilder().add(attendeeName)).add("access", access)
                .add("attendeeRights", rights);
    }

    private static JsonObject schedule(JsonObjectBuilder body) {
        HttpAnswer created = admin.post("api/meetings", body.build());
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    private static HttpAnswer credentials(PortalClient client, long meetingId) {
        HttpAnswer answer = client.post("api/meetings/" + meetingId + "/credentials", null);
        collectedAnswers.add(answer.body());
        assertEquals("no-store", answer.header("Cache-Control").orElse(""), () -> "every answer uncached: " + answer);
        return answer;
    }

    @Test
    @Order(1)
    void hostsAndAttendeesGetCredentialsThatVerifyForThemThisRoomAndTheirRights() {
        JsonObject meeting = schedule(meeting(Duration.ofMinutes(-1), Duration.ofMinutes(30), "INVITED", "VIEW_ONLY"));
        long id = meeting.getJsonNumber("id").longValue();
        long room = meeting.getJsonNumber("roomId").longValue();

        HttpAnswer forHost = credentials(host, id);
        assertEquals(200, forHost.status(), forHost::toString);
        check(forHost.json(), hostName, room, "HOST", 255);

        // A body naming someone else changes nothing: the userId is the signed-in person's.
        HttpAnswer forAttendee = attendee.send("POST", "api/meetings/" + id + "/credentials",
                "{\"userId\":\"" + hostName + "\",\"privileges\":255}");
        assertEquals(200, forAttendee.status(), forAttendee::toString);
        check(forAttendee.json(), attendeeName, room, "ATTENDEE", 171);
    }

    @Test
    @Order(2)
    void attendeeRightsShapeThePrivileges() {
        for (String rights : List.of("FULL", "NO_SCREEN_SHARE")) {
            JsonObject meeting = schedule(meeting(Duration.ofMinutes(-1), Duration.ofMinutes(30), "INVITED", rights));
            HttpAnswer answer = credentials(attendee, meeting.getJsonNumber("id").longValue());
            assertEquals(200, answer.status());
            check(answer.json(), attendeeName, meeting.getJsonNumber("roomId").longValue(), "ATTENDEE",
                    rights.equals("FULL") ? 255 : 191);
        }
    }

    @Test
    @Order(3)
    void everyoneElseIsRefusedAsTheRulesSay() throws InterruptedException {
        long open = schedule(meeting(Duration.ofMinutes(-1), Duration.ofMinutes(30), "INVITED", "FULL"))
                .getJsonNumber("id").longValue();
        assertEquals(401, new PortalClient(base).post("api/meetings/" + open + "/credentials", null).status());
        assertEquals(404, credentials(outsider, open).status(), "not invited");
        assertEquals(404, credentials(admin, open).status(), "an admin may see it, but is not invited to join");
        assertEquals(404, credentials(attendee, 999_999_999L).status(), "unknown");
        assertEquals(404, attendee.post("api/meetings/abc/credentials", null).status());

        PortalClient noToken = PortalClient.signedIn(base, attendeeName, "cred-attendee-phrase");
        noToken.forgetCsrfToken();
        assertEquals(403, noToken.post("api/meetings/" + open + "/credentials", null).status(), "CSRF");

        long everyone = schedule(meeting(Duration.ofMinutes(-1), Duration.ofMinutes(30), "ALL_EMPLOYEES", "NO_SCREEN_SHARE"))
                .getJsonNumber("id").longValue();
        HttpAnswer anyEmployee = credentials(outsider, everyone);
        assertEquals(200, anyEmployee.status());
        assertEquals("ATTENDEE", anyEmployee.json().getString("role"));
        assertEquals(191, anyEmployee.json().getInt("privileges"));

        long later = schedule(meeting(Duration.ofHours(3), Duration.ofMinutes(30), "INVITED", "FULL"))
                .getJsonNumber("id").longValue();
        HttpAnswer notYet = credentials(host, later);
        assertEquals(409, notYet.status());
        String opensAt = admin.get("api/meetings/" + later).json().getString("opensAt");
        assertTrue(notYet.json().getString("detail").contains(Instant.from(java.time.OffsetDateTime.parse(opensAt)).toString()),
                () -> "says when it opens: " + notYet.body());

        long cancelled = schedule(meeting(Duration.ofMinutes(-1), Duration.ofMinutes(30), "INVITED", "FULL"))
                .getJsonNumber("id").longValue();
        assertEquals(200, admin.delete("api/meetings/" + cancelled).status());
        assertEquals(404, credentials(host, cancelled).status(), "cancelled");

        // Ends 8 s from now: time enough to be scheduled on a busy machine, then waited out.
        Instant beforeScheduling = Instant.now();
        long ending = schedule(meeting(Duration.ofMinutes(-1), Duration.ofSeconds(68), "INVITED", "FULL"))
                .getJsonNumber("id").longValue();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), beforeScheduling.plusSeconds(9)).toMillis()));
        HttpAnswer ended = credentials(host, ending);
        assertEquals(409, ended.status());
        assertTrue(ended.json().getString("detail").contains("ended"));
    }

    @Test
    @Order(3)
    void aPersonRemovedDowngradedOrDisabledIsTreatedSoAtTheNextCall() {
        String leaverName = TestPortal.uniqueName("cleft");
        PortalClient leaver = admin.createSignedInUser(leaverName, "EMPLOYEE", "cred-leaver-phrase");
        JsonObject created = schedule(meeting(Duration.ofMinutes(-1), Duration.ofMinutes(30), "INVITED", "FULL")
                .add("attendees", Json.createArrayBuilder().add(attendeeName).add(leaverName)));
        long id = created.getJsonNumber("id").longValue();
        long room = created.getJsonNumber("roomId").longValue();
        assertEquals(200, credentials(leaver, id).status());
        check(credentials(attendee, id).json(), attendeeName, room, "ATTENDEE", 255);

        HttpAnswer edited = admin.put("api/meetings/" + id, meeting(Duration.ofMinutes(-1), Duration.ofMinutes(30),
                "INVITED", "VIEW_ONLY").add("version", created.getJsonNumber("version").longValue()).build());
        assertEquals(200, edited.status(), edited::toString);
        assertEquals(404, credentials(leaver, id).status(), "no longer invited");
        check(credentials(attendee, id).json(), attendeeName, room, "ATTENDEE", 171);

        long everyone = schedule(meeting(Duration.ofMinutes(-1), Duration.ofMinutes(30), "ALL_EMPLOYEES", "FULL"))
                .getJsonNumber("id").longValue();
        assertEquals(200, credentials(leaver, everyone).status());
        assertEquals(200, admin.post("api/users/" + leaverName + "/disable", null).status());
        assertEquals(401, leaver.post("api/meetings/" + everyone + "/credentials", null).status(),
                "a disabled account is signed out");
    }

    @Test
    @Order(4)
    void aPersonAskingTooOftenIsToldWhenToAskAgain() {
        String name = TestPortal.uniqueName("crate");
        PortalClient eager = admin.createSignedInUser(name, "EMPLOYEE", "cred-rate-phrase");
        long id = schedule(meeting(Duration.ofMinutes(-1), Duration.ofMinutes(30), "ALL_EMPLOYEES", "FULL"))
                .getJsonNumber("id").longValue();
        for (int i = 1; i <= 30; i++) {
            assertEquals(200, credentials(eager, id).status(), "request " + i);
        }
        HttpAnswer tooMany = credentials(eager, id);
        assertEquals(429, tooMany.status());
        long retryAfter = Long.parseLong(tooMany.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 61, "Retry-After " + retryAfter);
        assertEquals(200, credentials(attendee, id).status(), "the limit is per person");
    }

    @Test
    @Order(5)
    void twentyPeopleAskingFiveTimesAtOnceAllGetTheirOwnValidCredentials() throws Exception {
        long id = schedule(meeting(Duration.ofMinutes(-1), Duration.ofMinutes(30), "ALL_EMPLOYEES", "FULL"))
                .getJsonNumber("id").longValue();
        long room = admin.get("api/meetings/" + id).json().getJsonNumber("roomId").longValue();
        List<String> names = new ArrayList<>();
        List<PortalClient> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = TestPortal.uniqueName("crowd" + i);
            names.add(name);
            admin.createUser(name, "EMPLOYEE", "crowd-first-phrase");
        }
        for (String name : names) {
            PortalClient person = PortalClient.signedIn(base, name, "crowd-first-phrase");
            assertEquals(200, person.post("api/me/password", Json.createObjectBuilder()
                    .add("currentPassword", "crowd-first-phrase").add("newPassword", "crowd-own-phrase").build()).status());
            people.add(person);
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<JsonObject>> answers = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (PortalClient person : people) {
                    answers.add(pool.submit(() -> {
                        HttpAnswer answer = person.post("api/meetings/" + id + "/credentials", null);
                        assertEquals(200, answer.status(), answer::toString);
                        return answer.json();
                    }));
                }
            }
            Set<String> userIds = new HashSet<>();
            Set<String> userSigs = new HashSet<>();
            for (Future<JsonObject> future : answers) {
                JsonObject credential = future.get();
                String userId = credential.getString("userId");
                check(credential, userId, room, "ATTENDEE", 255);
                userIds.add(userId);
                userSigs.add(credential.getString("userSig"));
            }
            assertEquals(Set.copyOf(names), userIds);
            assertTrue(userSigs.size() >= 20, "every person has credentials of their own");
            // Grants issued together are written together: each of them once, none lost or doubled.
            HttpAnswer audit = auditOnceWritten("admin/audit.xhtml?meeting=" + id, "100 in all");
            assertTrue(audit.body().contains("100 in all"), () -> "100 grants in the audit: " + audit.body());
            // Each way of filtering has a query of its own (CredentialAudit.search): by user, by both, by neither.
            String one = names.get(0);
            assertTrue(admin.page("admin/audit.xhtml?user=" + one).body().contains("· 5 in all"), "by user");
            assertTrue(admin.page("admin/audit.xhtml?user=" + one + "&meeting=" + id).body().contains("· 5 in all"),
                    "by user and meeting");
            assertTrue(admin.page("admin/audit.xhtml?user=" + attendeeName + "&meeting=" + id).body()
                    .contains("No credential matches."), "a person who asked nothing for this meeting");
            String everyone = admin.page("admin/audit.xhtml").body();
            assertTrue(names.stream().anyMatch(everyone::contains), "everyone's, newest first: these are the newest");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(6)
    void theAuditListsWhatWasIssuedAndNeverTheCredentials() {
        HttpAnswer page = auditOnceWritten("admin/audit.xhtml?user=" + attendeeName, "171");
        assertEquals(200, page.status());
        assertTrue(page.body().contains(attendeeName));
        assertTrue(page.body().contains("171"), "the privileges of the view-only grant");
        assertFalse(page.body().contains("eJ"), "no token in the page");
        assertEquals(403, attendee.page("admin/audit.xhtml").status());
        assertTrue(admin.page("admin/audit.xhtml?meeting=abc").body().contains("No credential matches."));
    }

    @Test
    @Order(7)
    void theSecretKeyAppearsInNoPageScriptAnswerOrLogLine() throws IOException {
        List<String> seen = new ArrayList<>(collectedAnswers);
        for (String page : List.of("login.xhtml", "index.xhtml", "account.xhtml", "admin/meetings.xhtml",
                "meeting-edit.xhtml", "admin/audit.xhtml", "resources/js/portal.js", "resources/js/user-picker.js")) {
            seen.add(admin.page(page).body());
        }
        seen.add(admin.get("api/me").body());
        seen.add(admin.get("api/meetings").body());
        seen.add(admin.get("api/health").body());
        String log = TestPortal.serverLog();
        seen.add(log);
        assertTrue(log.contains("Video: configured for TRTC SDKAppID " + APP_ID), "the log says video is configured");
        String base64Key = java.util.Base64.getEncoder().encodeToString(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String text : seen) {
            assertFalse(text.contains(KEY), "the SecretKey leaked");
            assertFalse(text.contains(KEY.substring(0, 24)), "part of the SecretKey leaked");
            assertFalse(text.contains(base64Key.substring(0, 24)), "the SecretKey leaked in Base64");
        }
    }

    /**
     * The audit page once it shows {@code expected}, or as it is after 5 s: grants reach the table within
     * GrantRecorder's 50 ms, and a busy test machine is given a hundred times that.
     */
    private static HttpAnswer auditOnceWritten(String path, String expected) {
        Instant giveUp = Instant.now().plusSeconds(5);
        HttpAnswer page = admin.page(path);
        while (!page.body().contains(expected) && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            page = admin.page(path);
        }
        return page;
    }

    private static void check(JsonObject credential, String userId, long room, String role, int privileges) {
        assertEquals(APP_ID, credential.getJsonNumber("sdkAppId").longValue());
        assertEquals(userId, credential.getString("userId"));
        assertEquals(room, credential.getJsonNumber("roomId").longValue());
        assertEquals(role, credential.getString("role"));
        assertEquals(privileges, credential.getInt("privileges"));
        Instant expiresAt = Instant.parse(credential.getString("expiresAt"));
        assertTrue(Math.abs(Duration.between(Instant.now().plusSeconds(KEY_TTL), expiresAt).toSeconds()) < 10,
                "the key lives PORTAL_PRIVATEMAPKEY_TTL_SECONDS");

        TrtcTokens.Token userSig = TrtcTokens.verify(credential.getString("userSig"), KEY);
        assertEquals(userId, userSig.identifier());
        assertEquals(APP_ID, userSig.sdkAppId());
        assertEquals(TestPortal.numericSetting("PORTAL_USERSIG_TTL_SECONDS"), userSig.expire(),
                "the UserSig lives PORTAL_USERSIG_TTL_SECONDS");
        TrtcTokens.Token key = TrtcTokens.verify(credential.getString("privateMapKey"), KEY);
        assertEquals(userId, key.userBuf().account());
        assertEquals(room, key.userBuf().roomId());
        assertEquals(privileges, key.userBuf().privileges());
        assertEquals(APP_ID, key.userBuf().sdkAppId());
        assertTrue(Math.abs(key.userBuf().expiresAt() - expiresAt.getEpochSecond()) <= 2);
    }
}
