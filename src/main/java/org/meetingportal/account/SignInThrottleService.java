package org.meetingportal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed sign-ins per account and per client address in the database (so that every node of a
 * cluster counts together) and says whether a sign-in is locked out. Each call is its own transaction: a
 * failure is counted even though the sign-in that failed is not otherwise written.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SignInThrottleService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** How long the account or the address is still locked, if either is. */
    public Optional<Duration> lockRemaining(String username, String address) {
        Instant now = clock.instant();
        Instant until = null;
        for (String key : new String[] {accountKey(username), addressKey(address)}) {
            SignInThrottle row = em.find(SignInThrottle.class, key);
            if (row != null && row.counter().lockedAt(now)) {
                Instant lockedUntil = row.counter().lockedUntil();
                until = until == null || lockedUntil.isAfter(until) ? lockedUntil : until;
            }
        }
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /**
     * Counts one failure against the account and the address.
     *
     * @return whether this failure locked either of them
     */
    public boolean recordFailure(String username, String address) {
        Instant now = clock.instant();
        boolean locked = count(accountKey(username), ThrottlePolicy.ACCOUNT_LIMIT, now);
        locked |= count(addressKey(address), ThrottlePolicy.ADDRESS_LIMIT, now);
        em.createNamedQuery(SignInThrottle.DELETE_STALE)
                .setParameter("before", now.minus(ThrottlePolicy.WINDOW))
                .setParameter("now", now)
                .executeUpdate();
        return locked;
    }

    /** A successful sign-in forgives the account's earlier failures; the address keeps its count. */
    public void recordSuccess(String username) {
        SignInThrottle row = em.find(SignInThrottle.class, accountKey(username));
        if (row != null && !row.counter().lockedAt(clock.instant())) {
            em.remove(row);
        }
    }

    private boolean count(String key, int limit, Instant now) {
        SignInThrottle row = em.find(SignInThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            ThrottlePolicy.Counter counter = ThrottlePolicy.Counter.none(now).afterFailure(now, limit);
            em.persist(new SignInThrottle(key, counter));
            return counter.lockedAt(now);
        }
        boolean wasLocked = row.counter().lockedAt(now);
        row.record(row.counter().afterFailure(now, limit));
        return !wasLocked && row.counter().lockedAt(now);
    }

    private static String accountKey(String username) {
        return "account:" + truncate(username);
    }

    private static String addressKey(String address) {
        return "address:" + truncate(address);
    }

    private static String truncate(String value) {
        String v = value == null ? "" : value;
        return v.length() > 100 ? v.substring(0, 100) : v;
    }
}
