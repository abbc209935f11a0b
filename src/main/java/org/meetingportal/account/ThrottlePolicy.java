package org.meetingportal.account;

import java.time.Duration;
import java.time.Instant;

/**
 * When failed sign-ins lock an account or a client address: {@link #ACCOUNT_LIMIT} failures for one account or
 * {@link #ADDRESS_LIMIT} from one address within {@link #WINDOW} lock it for {@link #LOCK}, during which even
 * the right password is refused. Pure rules over a {@link Counter}; storing it is someone else's business.
 */
public final class ThrottlePolicy {

    public static final int ACCOUNT_LIMIT = 5;
    public static final int ADDRESS_LIMIT = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);

    private ThrottlePolicy() {
    }

    /** Failures counted since {@code windowStartedAt}, and the end of a lock if one is in force. */
    public record Counter(Instant windowStartedAt, int failures, Instant lockedUntil) {

        public static Counter none(Instant now) {
            return new Counter(now, 0, null);
        }

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        /** The counter after one more failure at {@code now}, locked once it reaches {@code limit}. */
        public Counter afterFailure(Instant now, int limit) {
            if (lockedAt(now)) {
                return this;
            }
            boolean windowOver = !now.isBefore(windowStartedAt.plus(WINDOW));
            Instant start = windowOver || lockedUntil != null ? now : windowStartedAt;
            int count = windowOver || lockedUntil != null ? 1 : failures + 1;
            return count >= limit ? new Counter(start, count, now.plus(LOCK)) : new Counter(start, count, null);
        }

        /** Whether the counter has nothing left to say at {@code now} and can be forgotten. */
        public boolean expiredAt(Instant now) {
            return !lockedAt(now) && !now.isBefore(windowStartedAt.plus(WINDOW));
        }
    }
}
