package org.meetingportal.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Fixed windows per person, counted in the database for every node of a cluster at once: one statement reads
 * and moves the count, so that two nodes counting the same request at the same moment both see it.
 */
@ApplicationScoped
@Typed(SharedCredentialRateLimiter.class)
public class SharedCredentialRateLimiter implements CredentialRateLimiter {

    @PersistenceContext
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Duration acquire(String username, Instant now, int limitPerWindow, Duration window) {
        Object[] counted = (Object[]) em.createNativeQuery("""
                INSERT INTO credential_rate (username, window_start, requests) VALUES (?1, ?2, 1)
                ON CONFLICT (username) DO UPDATE SET
                    window_start = CASE WHEN credential_rate.window_start <= ?3 THEN EXCLUDED.window_start
                                   ELSE credential_rate.window_start END,
                    requests = CASE WHEN credential_rate.window_start <= ?3 THEN 1
                               ELSE credential_rate.requests + 1 END
                RETURNING window_start, requests""")
                .setParameter(1, username).setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(now.minus(window))).getSingleResult();
        Instant start = instant(counted[0]);
        int requests = ((Number) counted[1]).intValue();
        return requests > limitPerWindow ? Duration.between(now, start.plus(window)) : Duration.ZERO;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
