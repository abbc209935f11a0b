package org.meetingportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.meetingportal.account.Account;
import org.meetingportal.account.Role;
import org.meetingportal.platform.Configuration;
import org.meetingportal.testing.TestClock;

/** The session rule that requests and call sockets share, on a clock the test moves. */
class SessionCheckTest {

    private final Instant signedInAt = Instant.parse("2026-11-21T08:00:00Z");
    private final TestClock clock = new TestClock(signedInAt);
    private final SessionCheck check = new SessionCheck(
            new Configuration(Map.of(Configuration.SESSION_MAX_HOURS, "12")::get), clock);
    private final SignedInUser user = new SignedInUser("alice", 3, signedInAt, "token");

    private static Account alice(boolean enabled, int generation, Role role) {
        return new Account("alice", "Alice", "alice@example.com", role, enabled, false, generation, null, false, null);
    }

    @Test
    void aCurrentSessionGoesOnUntilItsAbsoluteLimitAndNotASecondLonger() {
        Account current = alice(true, 3, Role.EMPLOYEE);
        clock.now = signedInAt.plus(Duration.ofHours(12)).minusSeconds(1);
        assertEquals(Optional.empty(), check.ending(user, () -> Optional.of(current)));
        assertEquals(Optional.of(current), check.account(user, () -> Optional.of(current)));
        clock.now = signedInAt.plus(Duration.ofHours(12));
        assertEquals(Optional.of(SignedInUser.Ending.EXPIRED), check.ending(user, () -> Optional.of(current)));
        assertEquals(Optional.empty(), check.account(user, () -> Optional.of(current)));
    }

    @Test
    void theAccountIsNotReadForASessionPastItsLimit() {
        AtomicInteger reads = new AtomicInteger();
        clock.now = signedInAt.plus(Duration.ofHours(13));
        check.ending(user, () -> {
            reads.incrementAndGet();
            return Optional.of(alice(true, 3, Role.EMPLOYEE));
        });
        assertEquals(0, reads.get());
    }

    @Test
    void aNewGenerationADisabledOrAVanishedAccountRevokesIt() {
        clock.now = signedInAt.plusSeconds(60);
        // A password change, a reset and a role change all raise the generation.
        assertEquals(Optional.of(SignedInUser.Ending.REVOKED),
                check.ending(user, () -> Optional.of(alice(true, 4, Role.ADMIN))));
        assertEquals(Optional.of(SignedInUser.Ending.REVOKED),
                check.ending(user, () -> Optional.of(alice(false, 3, Role.EMPLOYEE))));
        assertEquals(Optional.of(SignedInUser.Ending.REVOKED), check.ending(user, Optional::empty));
        assertTrue(check.account(user, Optional::empty).isEmpty());
        assertFalse(check.ending(user, () -> Optional.of(alice(true, 3, Role.EMPLOYEE))).isPresent());
    }
}
