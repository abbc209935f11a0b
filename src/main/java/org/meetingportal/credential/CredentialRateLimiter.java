package org.meetingportal.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.time.Instant;
import org.meetingportal.platform.SharedDatabase;

/**
 * How many credentials one person may be issued per window. One node counts in its own memory
 * ({@link LocalCredentialRateLimiter}); on PostgreSQL the count is the cluster's, in the database
 * ({@link SharedCredentialRateLimiter}).
 */
public interface CredentialRateLimiter {

    /** The one the database allows: shared on PostgreSQL, this node's own on H2. */
    @ApplicationScoped
    class Choice {
        @Produces
        @ApplicationScoped
        CredentialRateLimiter limiter(SharedDatabase database, Instance<SharedCredentialRateLimiter> shared,
                Instance<LocalCredentialRateLimiter> local) {
            return database.isShared() ? shared.get() : local.get();
        }
    }

    /**
     * Counts one request of {@code username} at {@code now}.
     *
     * @return zero when allowed, otherwise how long to wait before asking again
     */
    Duration acquire(String username, Instant now, int limitPerWindow, Duration window);
}
