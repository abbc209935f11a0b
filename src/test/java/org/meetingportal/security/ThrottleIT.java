package org.meetingportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.RawHttp;
import org.meetingportal.testing.TestPortal;

/**
 * Password checks are throttled so that guessing is slow and nobody can keep a colleague out: an account
 * guessed from one address pauses for that address only; guessing spread over addresses, or one address
 * trying many accounts, brings a delay of seconds growing to a few minutes; a browser where the person signed
 * in before is never slowed by guessing elsewhere. Each test sends from loopback addresses of its own, so
 * that no other test is slowed down.
 */
class ThrottleIT extends PortalIT {

    private static final String RIGHT = "right-pass-phrase";

    private static String credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    private RawHttp.Answer signIn(String from, String username, String password, String... headers) {
        return RawHttp.send(base, from, "POST", "/api/session", credentials(username, password), headers);
    }

    private static long retryAfter(RawHttp.Answer answer) {
        return Long.parseLong(answer.header("Retry-After").orElseThrow(() -> new AssertionError(answer.headers())));
    }

    @Test
    void failuresFromOneAddressNeverStopTheRightPasswordFromAnother() {
        String name = TestPortal.uniqueName("guessed");
        String attacker = RawHttp.freshLoopbackAddress();
        admin().createUser(name, "EMPLOYEE", RIGHT);
        for (int i = 1; i <= 5; i++) {
            RawHttp.Answer failed = signIn(attacker, name, "wrong-" + i);
            assertEquals(401, failed.status(), "failure " + i + ": " + failed.body());
        }
        RawHttp.Answer paused = signIn(attacker, name, RIGHT);
        assertEquals(429, paused.status(), "the guessing address is paused even for the right password");
        assertEquals(900, retryAfter(paused), 5);
        assertTrue(paused.body().contains("try again in 15 minutes"), paused.body());

        assertEquals(200, signIn(RawHttp.freshLoopbackAddress(), name, RIGHT).status(), "another address");
        PortalClient browser = new PortalClient(base);
        browser.page("login.xhtml");
        HttpAnswer page = browser.submit("login.xhtml", "login", "submit",
                Map.of("username", name, "password", RIGHT, "next", ""));
        assertEquals(302, page.status(), "the login page from another address signs in: " + page.body());

        String log = TestPortal.serverLog();
        assertTrue(log.contains("security_event=authn_throttle_pause user=\"" + name + "\" address=\"" + attacker
                + "\" bucket=\"pair\" failures=\"5\" pause_seconds=\"900\""), "the pause is a security event");
        assertTrue(log.contains("security_event=authn_login_throttled user=\"" + name + "\" address=\"" + attacker
                + "\""), "so is each refusal");
    }

    @Test
    void guessingSpreadOverAddressesDelaysTheAccountBrieflyButNotABrowserThatSignedInBefore() throws Exception {
        String name = TestPortal.uniqueName("spread");
        admin().createUser(name, "EMPLOYEE", RIGHT);
        String home = RawHttp.freshLoopbackAddress();
        RawHttp.Answer before = signIn(home, name, RIGHT);
        assertEquals(200, before.status());
        String device = before.cookie("portal_device").orElseThrow(() -> new AssertionError(before.headers()));
        assertTrue(before.headers().contains("HttpOnly"), before.headers());

        for (String from : List.of(RawHttp.freshLoopbackAddress(), RawHttp.freshLoopbackAddress())) {
            for (int i = 1; i <= 5; i++) {
                assertEquals(401, signIn(from, name, "spread-guess-" + i).status());
            }
        }
        // Ten failures from two addresses: a delay of 1 s, doubling with each further failure.
        String third = RawHttp.freshLoopbackAddress();
        long expected = 1;
        for (int failure = 11; failure <= 13; failure++) {
            RawHttp.Answer answer = signIn(third, name, "spread-guess-" + failure);
            while (answer.status() == 429) {
                assertTrue(retryAfter(answer) <= expected, answer.headers());
                Thread.sleep(retryAfter(answer) * 1000);
                answer = signIn(third, name, "spread-guess-" + failure);
            }
            assertEquals(401, answer.status());
            expected *= 2;
        }
        RawHttp.Answer delayed = signIn(RawHttp.freshLoopbackAddress(), name, RIGHT);
        assertEquals(429, delayed.status(), "guessing from many places slows the account down");
        assertTrue(retryAfter(delayed) <= 8, "by seconds, not a long lock: " + delayed.headers());

        assertEquals(200, signIn(RawHttp.freshLoopbackAddress(), name, RIGHT, "Cookie: portal_device=" + device)
                .status(), "a browser where the person signed in before is not slowed down");

        Thread.sleep(retryAfter(delayed) * 1000);
        assertEquals(200, signIn(RawHttp.freshLoopbackAddress(), name, RIGHT).status(), "and the delay ends");
        assertTrue(TestPortal.serverLog().contains("security_event=authn_throttle_pause user=\"" + name
                + "\" address=\"" + third + "\" bucket=\"account\" failures=\"11\" pause_seconds=\"2\""));
    }

    @Test
    void oneAddressTryingManyAccountsIsDelayedButNotABrowserThatSignedInBefore() throws Exception {
        String office = RawHttp.freshLoopbackAddress();
        String name = TestPortal.uniqueName("office");
        admin().createUser(name, "EMPLOYEE", RIGHT);
        RawHttp.Answer first = signIn(office, name, RIGHT);
        assertEquals(200, first.status());
        String device = first.cookie("portal_device").orElseThrow();

        int failures = 0;
        while (failures < 22) {
            RawHttp.Answer answer = signIn(office, TestPortal.uniqueName("sprayed"), "Spring2026!");
            if (answer.status() == 429) {
                Thread.sleep(retryAfter(answer) * 1000);
                continue;
            }
            assertEquals(401, answer.status());
            failures++;
        }
        RawHttp.Answer delayed = signIn(office, "admin", TestPortal.adminPassword());
        assertEquals(429, delayed.status(), "twenty failures from one address slow new sign-ins from it");
        assertTrue(retryAfter(delayed) <= 4, delayed.headers());
        assertEquals(200, signIn(office, name, RIGHT, "Cookie: portal_device=" + device).status(),
                "someone who signed in on this browser before signs in at once");
        assertEquals(200, new PortalClient(base).signIn("admin", TestPortal.adminPassword()).status(),
                "other addresses are not affected");
        assertTrue(TestPortal.serverLog().contains("address=\"" + office + "\" bucket=\"address\" failures=\"20\""));
    }

    @Test
    void thePasswordChangeSharesTheThrottle() {
        String name = TestPortal.uniqueName("changer");
        admin().createUser(name, "EMPLOYEE", RIGHT);
        String from = RawHttp.freshLoopbackAddress();
        RawHttp.Answer signedIn = signIn(from, name, RIGHT);
        String session = "Cookie: JSESSIONID=" + signedIn.cookie("JSESSIONID").orElseThrow();
        String csrf = "X-CSRF-Token: " + Json.createReader(new java.io.StringReader(signedIn.body())).readObject()
                .getString("csrfToken");
        // Only the session goes along, not the device cookie: someone at an unattended desk, or a stolen session.
        for (int i = 1; i <= 5; i++) {
            RawHttp.Answer wrong = RawHttp.send(base, from, "POST", "/api/me/password",
                    "{\"currentPassword\":\"guess-" + i + "\",\"newPassword\":\"another-pass-phrase\"}", session, csrf);
            assertEquals(400, wrong.status(), wrong.body());
        }
        RawHttp.Answer paused = RawHttp.send(base, from, "POST", "/api/me/password",
                "{\"currentPassword\":\"" + RIGHT + "\",\"newPassword\":\"another-pass-phrase\"}", session, csrf);
        assertEquals(429, paused.status(), paused.body());
        assertTrue(paused.header("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(900, retryAfter(paused), 5);
        assertEquals(429, signIn(from, name, RIGHT).status(), "the sign-in from there counts the same failures");
        assertEquals(200, signIn(RawHttp.freshLoopbackAddress(), name, RIGHT).status());
        assertTrue(TestPortal.serverLog().contains("security_event=authn_password_change_throttled user=\"" + name + "\""));
    }

    @Test
    void thePasswordChangePageSharesTheThrottle() {
        String name = TestPortal.uniqueName("pagechanger");
        PortalClient person = admin().createSignedInUser(name, "EMPLOYEE", RIGHT);
        person.page("account.xhtml");
        HttpAnswer answer = null;
        // The client holds the device cookie of its sign-in: its own counter, delayed from the fifth failure on
        // by a second, doubling, which soon outlasts a page load however slow the machine.
        for (int i = 1; i <= 12; i++) {
            person.page("account.xhtml");
            answer = person.submit("account.xhtml", "password", "submit", Map.of("current", "page-guess-" + i,
                    "new", "another-pass-phrase", "repeated", "another-pass-phrase"));
            if (answer.status() == 429) {
                break;
            }
            assertTrue(answer.body().contains("The current password is not right."), "failure " + i);
        }
        assertEquals(429, answer.status(), "the page pauses like the sign-in");
        assertTrue(answer.body().contains("Too many wrong passwords."), answer.body());
    }

    @Test
    void anAdminLiftsAPauseThroughTheApiAndTheUsersPage() {
        String name = TestPortal.uniqueName("lifted");
        admin().createUser(name, "EMPLOYEE", RIGHT);
        String from = RawHttp.freshLoopbackAddress();
        pause(from, name);
        PortalClient admin = admin();
        String pausedUntil = admin.get("api/users/" + name + "/throttle").json().getString("pausedUntil");
        assertFalse(pausedUntil.isBlank());

        String employee = TestPortal.uniqueName("bystander");
        PortalClient bystander = admin.createSignedInUser(employee, "EMPLOYEE", RIGHT);
        assertEquals(403, bystander.delete("api/users/" + name + "/throttle").status());
        assertEquals(403, bystander.get("api/users/" + name + "/throttle").status());
        assertEquals(401, new PortalClient(base).delete("api/users/" + name + "/throttle").status());
        assertEquals(404, admin.delete("api/users/" + TestPortal.uniqueName("nobody") + "/throttle").status());
        assertEquals(429, signIn(from, name, RIGHT).status(), "refused calls lifted nothing");

        assertEquals(204, admin.delete("api/users/" + name + "/throttle").status());
        assertEquals(200, signIn(from, name, RIGHT).status(), "lifted through the API");
        jakarta.json.JsonObject none = admin.get("api/users/" + name + "/throttle").json();
        assertTrue(!none.containsKey("pausedUntil") || none.isNull("pausedUntil"), none.toString());

        pause(from, name);
        HttpAnswer users = admin.page("admin/users.xhtml?q=" + name);
        assertTrue(users.body().contains("Sign-in paused until"), users.body());
        HttpAnswer lifted = admin.submit("admin/users.xhtml?q=" + name, "users:0:pause", "lift", Map.of());
        assertEquals(302, lifted.status(), lifted.body());
        assertEquals(200, signIn(from, name, RIGHT).status(), "lifted from the users page");
        assertFalse(admin.page("admin/users.xhtml?q=" + name).body().contains("Sign-in paused until"));
        assertTrue(TestPortal.serverLog().contains("security_event=authn_throttle_lift user=\"" + name
                + "\" by=\"admin\""));
    }

    private void pause(String from, String name) {
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, signIn(from, name, "lift-guess-" + i).status());
        }
        assertEquals(429, signIn(from, name, RIGHT).status());
    }

    @Test
    void signInEventsAreLoggedOneLineEachWithoutThePasswordOrForgedLines() {
        String forged = "eve\r\n2026-01-01 INFO security_event=authn_login_success user=\"admin\"";
        RawHttp.Answer refused = RawHttp.postJson(base, RawHttp.freshLoopbackAddress(), "/api/session",
                credentials(forged, "secret-guess-42"));
        assertEquals(401, refused.status());
        String log = TestPortal.serverLog();
        assertTrue(log.contains("security_event=authn_login_fail user=\"eve\\r\\n2026-01-01 INFO"), "escaped in place");
        assertFalse(log.contains("secret-guess-42"), "passwords are never logged");
        assertFalse(log.contains(TestPortal.adminPassword()), "passwords are never logged");
        List<String> forgedLines = log.lines().filter(l -> l.startsWith("2026-01-01 INFO")).toList();
        assertEquals(List.of(), forgedLines);
    }
}
