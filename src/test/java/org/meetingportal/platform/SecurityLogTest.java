package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecurityLogTest {

    @Test
    void quotesValuesSoThatNobodyCanForgeALogLine() {
        String quoted = SecurityLog.quote("eve\r\nsecurity_event=authn_login_success user=\"admin\"");
        assertFalse(quoted.contains("\n") || quoted.contains("\r"));
        assertEquals("\"eve\\r\\nsecurity_event=authn_login_success user=\\\"admin\\\"\"", quoted);
        assertEquals("\"bell\\u0007\"", SecurityLog.quote("bell\u0007"));
        assertEquals("-", SecurityLog.quote(null));
    }

    @Test
    void everyEventEndsWithItsInstantInUtc() {
        assertEquals("security_event=authz_fail user=\"eve\" address=\"192.0.2.7\" at=\"2026-12-05T22:00:00Z\"",
                SecurityLog.line(Instant.parse("2026-12-05T22:00:00Z"), "authz_fail", "user", "eve", "address", "192.0.2.7"));
        assertEquals("security_event=session_logout user=\"eve\" at=\"2026-12-05T22:00:00.125Z\"",
                SecurityLog.line(Instant.parse("2026-12-05T22:00:00.125999Z"), "session_logout", "user", "eve"));
    }

    @Test
    void cutsOverlongValues() {
        assertEquals(202, SecurityLog.quote("x".repeat(5000)).length());
    }
}
