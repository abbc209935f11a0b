package org.meetingportal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignedInUserTest {

    private final Instant signedIn = Instant.parse("2026-11-21T08:00:00Z");
    private final SignedInUser user = new SignedInUser("alice", 3, signedIn, "token");

    @Test
    void aSessionEndsAtItsAbsoluteLimitHoweverActive() {
        Duration twelveHours = Duration.ofHours(12);
        assertFalse(user.expiredAt(signedIn.plus(Duration.ofHours(11)).plusSeconds(3599), twelveHours));
        assertTrue(user.expiredAt(signedIn.plus(twelveHours), twelveHours));
        assertTrue(user.expiredAt(signedIn.plus(Duration.ofDays(3)), twelveHours));
    }

    @Test
    void adoptingANewGenerationKeepsTheSignInTimeAndToken() {
        SignedInUser adopted = user.withGeneration(4);
        assertTrue(adopted.sessionGeneration() == 4 && adopted.signedInAt().equals(signedIn)
                && adopted.csrfToken().equals("token"));
    }
}
