package org.meetingportal.credential;

import java.time.Duration;
import java.time.Instant;

/**
 * How many credentials one person may be issued per window. One node counts in its own memory
 * ({@link LocalCredentialRateLimiter}); a cluster puts a shared counter behind this interface.
 */
public interface CredentialRateLimiter {

    /**
     * Counts one request of {@code username} at {@code now}.
     *
     * @return zero when allowed, otherwise how long to wait before asking again
     */
    Duration acquire(String username, Instant now, int limitPerWindow, Duration window);
}
