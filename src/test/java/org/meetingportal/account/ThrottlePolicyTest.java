package org.meetingportal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.meetingportal.account.ThrottlePolicy.Bucket;
import org.meetingportal.account.ThrottlePolicy.Counter;

class ThrottlePolicyTest {

    private final Instant start = Instant.parse("2026-11-21T09:00:00Z");

    /** {@code times} failures {@code gap} apart, each made once the previous pause (if any) is over. */
    private Counter fail(Bucket bucket, int times, Duration gap) {
        Counter counter = Counter.none();
        Instant at = start;
        for (int i = 0; i < times; i++) {
            if (counter.pausedAt(at)) {
                at = counter.pausedUntil();
            }
            counter = counter.afterFailure(at, bucket);
            at = at.plus(gap);
        }
        return counter;
    }

    @Test
    void anAccountGuessedFromOneAddressPausesForFifteenMinutesAtTheFifthFailure() {
        Counter four = fail(Bucket.PAIR, 4, Duration.ofMinutes(3));
        assertFalse(four.pausedAt(start.plus(Duration.ofMinutes(12))));
        Instant fifth = start.plus(Duration.ofMinutes(14));
        Counter five = four.afterFailure(fifth, Bucket.PAIR);
        assertTrue(five.pausedAt(fifth.plus(Duration.ofMinutes(14))));
        assertFalse(five.pausedAt(fifth.plus(Duration.ofMinutes(15))), "the pause lasts fifteen minutes");
        Counter after = five.afterFailure(fifth.plus(Duration.ofMinutes(15)), Bucket.PAIR);
        assertEquals(1, after.failures(), "after the pause the count starts again");
    }

    @Test
    void sharedBucketsDelayByASecondDoublingUpToAFewMinutesAndNeverLockForLong() {
        assertEquals(Duration.ZERO, Bucket.ACCOUNT.pauseAfter(9));
        assertEquals(Duration.ofSeconds(1), Bucket.ACCOUNT.pauseAfter(10));
        assertEquals(Duration.ofSeconds(2), Bucket.ACCOUNT.pauseAfter(11));
        assertEquals(Duration.ofSeconds(64), Bucket.ACCOUNT.pauseAfter(16));
        assertEquals(ThrottlePolicy.MAX_DELAY, Bucket.ACCOUNT.pauseAfter(18));
        assertEquals(ThrottlePolicy.MAX_DELAY, Bucket.ACCOUNT.pauseAfter(Integer.MAX_VALUE));
        assertEquals(Duration.ofSeconds(1), Bucket.ADDRESS.pauseAfter(20));
        assertEquals(Duration.ofSeconds(1), Bucket.DEVICE.pauseAfter(5));
        assertTrue(ThrottlePolicy.MAX_DELAY.compareTo(Duration.ofMinutes(5)) <= 0);

        Counter thousand = fail(Bucket.ACCOUNT, 1000, Duration.ofSeconds(1));
        assertEquals(1000, thousand.failures(), "failures that keep coming keep counting");
        Instant last = thousand.lastFailureAt();
        assertEquals(last.plus(ThrottlePolicy.MAX_DELAY), thousand.pausedUntil());
    }

    @Test
    void oneAddressAloneNeverReachesTheAccountsSharedDelay() {
        // The pair pauses at 5 and failures while paused are never counted, so one address adds at most 5.
        assertTrue(Bucket.PAIR.limit() * 2 <= Bucket.ACCOUNT.limit());
        assertTrue(Bucket.PAIR.pauseAfter(Bucket.PAIR.limit()).compareTo(ThrottlePolicy.QUIET) >= 0,
                "the account's count is quiet again by the time the pair's pause is over");
    }

    @Test
    void failuresSpreadOverMoreThanTheQuietTimeAreForgotten() {
        Counter counter = fail(Bucket.PAIR, 10, Duration.ofMinutes(15));
        assertEquals(1, counter.failures());
        assertFalse(counter.pausedAt(start.plus(Duration.ofMinutes(136))));
        assertTrue(counter.expiredAt(start.plus(Duration.ofMinutes(150))));
    }

    @Test
    void failuresDuringAPauseNeitherCountNorExtendIt() {
        Counter paused = fail(Bucket.PAIR, 5, Duration.ofSeconds(1));
        Counter more = paused.afterFailure(start.plus(Duration.ofMinutes(10)), Bucket.PAIR);
        assertEquals(paused, more);
        assertFalse(more.expiredAt(start.plus(Duration.ofMinutes(10))));
    }
}
