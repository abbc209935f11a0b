package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
    void cutsOverlongValues() {
        assertEquals(202, SecurityLog.quote("x".repeat(5000)).length());
    }
}
