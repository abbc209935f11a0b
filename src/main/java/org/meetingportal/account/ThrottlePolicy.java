package org.meetingportal.account;

import java.time.Duration;
import java.time.Instant;

/**
 * When failed password checks pause further ones. Failures are counted in {@link Bucket}s; a bucket forgets
 * its failures after {@link #QUIET} without one. Pure rules over a {@link Counter}; storing it is someone
 * else's business.
 *
 * <p>No bucket can be filled by a stranger in a way that keeps the owner out for long: the only long pause
 * ({@link Bucket#PAIR}) holds for the guessing address alone, and the buckets every address shares pause for
 * a growing delay capped at {@link #MAX_DELAY}. A browser where the person signed in before has a bucket of
 * its own ({@link Bucket#DEVICE}), so guessing elsewhere never slows them down there.
 */
public final class ThrottlePolicy {

    /** Failures are forgotten after this long without one. */
    public static final Duration QUIET = Duration.ofMinutes(15);
    /** How long an account stays paused for the address that guessed its password. */
    public static final Duration PAIR_PAUSE = Duration.ofMinutes(15);
    /** The longest delay of a shared bucket: guessing gets slow, nobody is kept out for long. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(3);

    private ThrottlePolicy() {
    }

    /** What one counter counts, and after how many failures it pauses. */
    public enum Bucket {
        /** One account from one client address (an IPv6 /64): guessing from one place. */
        PAIR(5),
        /** One account from every address not holding a device: guessing spread over many addresses. */
        ACCOUNT(10),
        /** One client address for any account: one password tried on many accounts. */
        ADDRESS(20),
        /** One account from one browser where it signed in before. */
        DEVICE(5);

        private final int limit;

        Bucket(int limit) {
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }

        /**
         * The pause after the {@code failures}-th failure: a fixed one for the guessing address, otherwise a
         * second at the limit, doubling with each further failure, up to {@link #MAX_DELAY}.
         */
        public Duration pauseAfter(int failures) {
            if (failures < limit) {
                return Duration.ZERO;
            }
            if (this == PAIR) {
                return PAIR_PAUSE;
            }
            int doublings = Math.min(failures - limit, 20);
            Duration delay = Duration.ofSeconds(1L << doublings);
            return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
        }
    }

    /** Failures counted until {@code lastFailureAt}, and the end of a pause if one is in force. */
    public record Counter(int failures, Instant lastFailureAt, Instant pausedUntil) {

        public static Counter none() {
            return new Counter(0, null, null);
        }

        public boolean pausedAt(Instant now) {
            return pausedUntil != null && now.isBefore(pausedUntil);
        }

        /**
         * The counter after one more failure at {@code now}. A failure while paused is not counted: the check
         * was never made.
         */
        public Counter afterFailure(Instant now, Bucket bucket) {
            if (pausedAt(now)) {
                return this;
            }
            int count = quietAt(now) ? 1 : failures + 1;
            Duration pause = bucket.pauseAfter(count);
            return new Counter(count, now, pause.isZero() ? null : now.plus(pause));
        }

        /** Whether the counter has nothing left to say at {@code now} and can be forgotten. */
        public boolean expiredAt(Instant now) {
            return !pausedAt(now) && quietAt(now);
        }

        private boolean quietAt(Instant now) {
            return lastFailureAt == null || !now.isBefore(lastFailureAt.plus(QUIET));
        }
    }
}
