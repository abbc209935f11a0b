package org.meetingportal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    private final Instant start = Instant.parse("2026-11-21T09:00:00Z");

    private ThrottlePolicy.Counter fail(int times, Instant from, Duration gap) {
        ThrottlePolicy.Counter counter = ThrottlePolicy.Counter.none(from);
        Instant at = from;
        for (int i = 0; i < times; i++) {
            counter = counter.afterFailure(at, ThrottlePolicy.ACCOUNT_LIMIT);
            at = at.plus(gap);
        }
        return counter;
    }

    @Test
    void locksAtTheFifthFailureWithinFifteenMinutes() {
        ThrottlePolicy.Counter four = fail(4, start, Duration.ofMinutes(3));
        assertFalse(four.lockedAt(start.plus(Duration.ofMinutes(12))));
        ThrottlePolicy.Counter five = four.afterFailure(start.plus(Duration.ofMinutes(14)), ThrottlePolicy.ACCOUNT_LIMIT);
        Instant lockedAt = start.plus(Duration.ofMinutes(14));
        assertTrue(five.lockedAt(lockedAt));
        assertTrue(five.lockedAt(lockedAt.plus(Duration.ofMinutes(14))));
        assertFalse(five.lockedAt(lockedAt.plus(Duration.ofMinutes(15))), "the lock lasts fifteen minutes");
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotLock() {
        ThrottlePolicy.Counter counter = fail(10, start, Duration.ofMinutes(4));
        assertFalse(counter.lockedAt(start.plus(Duration.ofMinutes(40))));
    }

    @Test
    void failuresDuringALockNeitherCountNorExtendIt() {
        ThrottlePolicy.Counter locked = fail(5, start, Duration.ofSeconds(1));
        Instant until = locked.lockedUntil();
        ThrottlePolicy.Counter more = locked.afterFailure(start.plus(Duration.ofMinutes(10)), ThrottlePolicy.ACCOUNT_LIMIT);
        assertEquals(until, more.lockedUntil());
    }

    @Test
    void countingStartsAfreshAfterALockEnds() {
        ThrottlePolicy.Counter locked = fail(5, start, Duration.ofSeconds(1));
        Instant after = locked.lockedUntil().plusSeconds(1);
        ThrottlePolicy.Counter next = locked.afterFailure(after, ThrottlePolicy.ACCOUNT_LIMIT);
        assertFalse(next.lockedAt(after));
        assertEquals(1, next.failures());
    }

    @Test
    void theAddressLimitIsTwenty() {
        ThrottlePolicy.Counter counter = ThrottlePolicy.Counter.none(start);
        for (int i = 0; i < 19; i++) {
            counter = counter.afterFailure(start.plusSeconds(i), ThrottlePolicy.ADDRESS_LIMIT);
        }
        assertFalse(counter.lockedAt(start.plusSeconds(20)));
        counter = counter.afterFailure(start.plusSeconds(20), ThrottlePolicy.ADDRESS_LIMIT);
        assertTrue(counter.lockedAt(start.plusSeconds(20)));
    }

    @Test
    void anOldCounterCanBeForgotten() {
        ThrottlePolicy.Counter one = fail(1, start, Duration.ZERO);
        assertFalse(one.expiredAt(start.plus(Duration.ofMinutes(14))));
        assertTrue(one.expiredAt(start.plus(Duration.ofMinutes(15))));
    }
}
