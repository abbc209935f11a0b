package org.meetingportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.RawHttp;
import org.meetingportal.testing.TestPortal;

/**
 * Sign-in throttling: five failures lock an account, twenty lock an address, for fifteen minutes, even for
 * the right password. Each test sends from a loopback address of its own, so that no other test is locked out.
 */
class ThrottleIT extends PortalIT {

    private static String credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() throws IOException {
        String name = TestPortal.uniqueName("locked");
        String from = RawHttp.freshLoopbackAddress();
        admin().createUser(name, "EMPLOYEE", "right-pass-phrase");
        for (int i = 1; i <= 5; i++) {
            RawHttp.Answer failed = RawHttp.postJson(base, from, "/api/session", credentials(name, "wrong-" + i));
            assertEquals(401, failed.status(), "failure " + i + ": " + failed.body());
        }
        RawHttp.Answer locked = RawHttp.postJson(base, from, "/api/session", credentials(name, "right-pass-phrase"));
        assertEquals(429, locked.status(), locked.body());
        assertTrue(locked.hasHeader("Retry-After"), locked.headers());
        assertTrue(locked.body().contains("try again in 15 minutes"), locked.body());

        // The lock is on the account: the right password from anywhere else is refused too, on the page as well.
        PortalClient browser = new PortalClient(base);
        browser.page("login.xhtml");
        HttpAnswer page = browser.submit("login.xhtml", "login", "submit",
                Map.of("username", name, "password", "right-pass-phrase", "next", ""));
        assertEquals(429, page.status());
        assertTrue(page.body().contains("Too many failed sign-ins."));
        assertEquals(429, new PortalClient(base).signIn(name, "right-pass-phrase").status());

        assertTrue(serverLog().contains("security_event=authn_login_lock user=\"" + name + "\" address=\"" + from + "\""));
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressOnly() {
        String from = RawHttp.freshLoopbackAddress();
        for (int i = 1; i <= 20; i++) {
            RawHttp.Answer failed = RawHttp.postJson(base, from, "/api/session",
                    credentials(TestPortal.uniqueName("guess"), "guessed-" + i));
            assertEquals(401, failed.status(), "failure " + i);
        }
        RawHttp.Answer locked = RawHttp.postJson(base, from, "/api/session",
                credentials("admin", TestPortal.adminPassword()));
        assertEquals(429, locked.status(), "the admin's right password from the locked address is refused");
        assertEquals(200, new PortalClient(base).signIn("admin", TestPortal.adminPassword()).status(),
                "other addresses are not affected");
    }

    @Test
    void signInEventsAreLoggedOneLineEachWithoutThePasswordOrForgedLines() throws IOException {
        String forged = "eve\r\n2026-01-01 INFO security_event=authn_login_success user=\"admin\"";
        RawHttp.Answer refused = RawHttp.postJson(base, RawHttp.freshLoopbackAddress(), "/api/session", credentials(forged, "secret-guess-42"));
        assertEquals(401, refused.status());
        String log = serverLog();
        assertTrue(log.contains("security_event=authn_login_fail user=\"eve\\r\\n2026-01-01 INFO"), "escaped in place");
        assertFalse(log.contains("secret-guess-42"), "passwords are never logged");
        assertFalse(log.contains(TestPortal.adminPassword()), "passwords are never logged");
        List<String> forgedLines = log.lines().filter(l -> l.startsWith("2026-01-01 INFO")).toList();
        assertEquals(List.of(), forgedLines);
    }

    private static String serverLog() {
        return TestPortal.serverLog();
    }
}
