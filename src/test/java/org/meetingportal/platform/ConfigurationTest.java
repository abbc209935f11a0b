package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    private static Configuration with(Map<String, String> values) {
        return new Configuration(values::get);
    }

    @Test
    void usesDefaultsWhenNothingIsSet() {
        Configuration config = with(Map.of());
        assertEquals(30, config.sessionIdleMinutes());
        assertEquals(12, config.sessionMaxHours());
        assertEquals(Optional.empty(), config.initialAdminPassword());
    }

    @Test
    void aUserSigLivesThirtyMinutesAtMostSoThatALeakedOneIsWorthLittle() {
        assertEquals(java.time.Duration.ofMinutes(30), with(Map.of()).userSigLifetime());
        assertEquals(java.time.Duration.ofMinutes(10),
                with(Map.of(Configuration.USERSIG_TTL_SECONDS, "600")).userSigLifetime());
        IllegalStateException tooLong = assertThrows(IllegalStateException.class,
                () -> with(Map.of(Configuration.USERSIG_TTL_SECONDS, "7200")).userSigLifetime());
        assertTrue(tooLong.getMessage().contains("PORTAL_USERSIG_TTL_SECONDS"), tooLong.getMessage());
    }

    @Test
    void mailOnlyWithAnSmtpHostRetriesAfterHalfAMinuteAndRemindsTenMinutesAhead() {
        Configuration none = with(Map.of());
        assertEquals(false, none.mailEnabled());
        assertEquals(java.time.Duration.ofSeconds(30), none.mailRetry());
        assertEquals(java.time.Duration.ofMinutes(10), none.reminderLead());
        Configuration set = with(Map.of(Configuration.SMTP_HOST, "smtp.example.com", Configuration.REMINDER_MINUTES, "0",
                Configuration.MAIL_RETRY_SECONDS, "5"));
        assertEquals(true, set.mailEnabled());
        assertEquals(java.time.Duration.ZERO, set.reminderLead());
        assertEquals(java.time.Duration.ofSeconds(5), set.mailRetry());
        assertEquals(false, with(Map.of(Configuration.SMTP_HOST, "  ")).mailEnabled());
        assertThrows(IllegalStateException.class, () -> with(Map.of(Configuration.REMINDER_MINUTES, "-1")).reminderLead());
    }

    @Test
    void backOffDoublesUpToItsLongest() {
        Backoff backoff = new Backoff(java.time.Duration.ofSeconds(30), java.time.Duration.ofHours(1));
        assertEquals(java.time.Duration.ofSeconds(30), backoff.after(0));
        assertEquals(java.time.Duration.ofSeconds(30), backoff.after(1));
        assertEquals(java.time.Duration.ofMinutes(1), backoff.after(2));
        assertEquals(java.time.Duration.ofMinutes(32), backoff.after(7));
        assertEquals(java.time.Duration.ofHours(1), backoff.after(8));
        assertEquals(java.time.Duration.ofHours(1), backoff.after(500));
    }

    @Test
    void readsWholeNumbersInRange() {
        Configuration config = with(Map.of(Configuration.SESSION_IDLE_MINUTES, " 15 ", Configuration.SESSION_MAX_HOURS, "8"));
        assertEquals(15, config.sessionIdleMinutes());
        assertEquals(8, config.sessionMaxHours());
    }

    @Test
    void stopsWithAClearMessageOnABadValue() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> with(Map.of(Configuration.SESSION_IDLE_MINUTES, "thirty")).sessionIdleMinutes());
        assertTrue(e.getMessage().contains("PORTAL_SESSION_IDLE_MINUTES") && e.getMessage().contains("thirty"));
        assertThrows(IllegalStateException.class, () -> with(Map.of(Configuration.SESSION_MAX_HOURS, "0")).sessionMaxHours());
    }

    @Test
    void keepsTheAdminPasswordExactlyAsGiven() {
        assertEquals(Optional.of(" spaced pass phrase "),
                with(Map.of(Configuration.ADMIN_PASSWORD, " spaced pass phrase ")).initialAdminPassword());
    }

    @Test
    void thePublicUrlIsAnAbsoluteHttpOrHttpsUrl() {
        assertEquals(Optional.empty(), with(Map.of()).publicUrl());
        assertEquals(Optional.of("https://meet.example.com"),
                with(Map.of(Configuration.PUBLIC_URL, " https://meet.example.com/ ")).publicUrl());
        assertEquals(Optional.of("http://intranet.example:8080/portal"),
                with(Map.of(Configuration.PUBLIC_URL, "http://intranet.example:8080/portal/")).publicUrl());
        for (String bad : new String[] {"meet.example.com", "/portal", "ftp://meet.example.com/", "https://",
            "https://meet.example.com/?a=b", "https://meet.example.com/#x", "https://eve@meet.example.com/",
            "javascript:alert(1)", "https://meet example.com/"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> with(Map.of(Configuration.PUBLIC_URL, bad)).publicUrl(), bad);
            assertTrue(e.getMessage().contains("PORTAL_PUBLIC_URL"), e.getMessage());
        }
    }
}
