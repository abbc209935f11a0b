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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meetingportal.platform.SecurityLog;

/**
 * Counts failed password checks per {@link ThrottleKey} in the database (so that every node of a cluster counts
 * together), says whether a check is paused, and remembers the browsers people signed in from. Each call is
 * its own transaction: a failure is counted even though the check that failed is not otherwise written.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SignInThrottleService {

    /** How long a browser stays remembered after its last sign-in. */
    public static final Duration DEVICE_MEMORY = Duration.ofDays(180);

    /** A pause that a failure has just started. */
    public record Pause(ThrottleKey key, int failures, Duration length) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AdminOnly adminOnly;

    /** The longest pause in force among {@code keys}, if any. */
    public Optional<Duration> pause(List<ThrottleKey> keys) {
        Instant now = clock.instant();
        Instant until = null;
        for (ThrottleKey key : keys) {
            SignInThrottle row = em.find(SignInThrottle.class, key.id());
            if (row != null && row.counter().pausedAt(now)) {
                Instant pausedUntil = row.counter().pausedUntil();
                until = until == null || pausedUntil.isAfter(until) ? pausedUntil : until;
            }
        }
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /**
     * Counts one failure in each of {@code keys}.
     *
     * @return the pauses this failure started
     */
    public List<Pause> recordFailure(List<ThrottleKey> keys) {
        Instant now = clock.instant();
        List<Pause> started = new ArrayList<>();
        for (ThrottleKey key : keys) {
            count(key, now).ifPresent(started::add);
        }
        em.createNamedQuery(SignInThrottle.DELETE_STALE)
                .setParameter("before", now.minus(ThrottlePolicy.QUIET))
                .setParameter("now", now)
                .executeUpdate();
        return started;
    }

    /**
     * A right password forgives the failures counted for this account from this place. The shared buckets
     * keep theirs: otherwise an attacker holding one account could wipe the count of an address.
     */
    public void forgive(List<ThrottleKey> keys) {
        Instant now = clock.instant();
        for (ThrottleKey key : keys) {
            if (key.bucket() == ThrottlePolicy.Bucket.PAIR || key.bucket() == ThrottlePolicy.Bucket.DEVICE) {
                SignInThrottle row = em.find(SignInThrottle.class, key.id());
                if (row != null && !row.counter().pausedAt(now)) {
                    em.remove(row);
                }
            }
        }
    }

    /** Whether {@code username} signed in from the browser of {@code deviceHash} within {@link #DEVICE_MEMORY}. */
    public boolean knownDevice(String deviceHash, String username) {
        SignInDevice device = em.find(SignInDevice.class, deviceKey(deviceHash, username));
        return device != null && device.signedInAt().isAfter(clock.instant().minus(DEVICE_MEMORY));
    }

    /** Remembers that {@code username} signed in from the browser of {@code deviceHash}, and forgets old ones. */
    public void rememberDevice(String deviceHash, String username) {
        Instant now = clock.instant();
        String key = deviceKey(deviceHash, username);
        SignInDevice device = em.find(SignInDevice.class, key);
        if (device == null) {
            em.persist(new SignInDevice(key, username, now));
        } else {
            device.signedInAgain(now);
        }
        em.createNamedQuery(SignInDevice.DELETE_OLD).setParameter("before", now.minus(DEVICE_MEMORY)).executeUpdate();
    }

    /**
     * An admin lifts every pause and count that concerns {@code username}.
     *
     * @return whether there was anything to lift
     */
    public boolean lift(String username, String actor) {
        adminOnly.require();
        int lifted = em.createNamedQuery(SignInThrottle.DELETE_FOR_USER).setParameter("username", username).executeUpdate();
        SecurityLog.event("authn_throttle_lift", "user", username, "by", actor, "counters", lifted);
        return lifted > 0;
    }

    /** Until when each of {@code usernames} that is paused anywhere is paused, at the latest. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Instant> pausedUntil(Collection<String> usernames) {
        Map<String, Instant> paused = new HashMap<>();
        if (usernames.isEmpty()) {
            return paused;
        }
        em.createNamedQuery(SignInThrottle.PAUSED_UNTIL, Object[].class)
                .setParameter("usernames", usernames)
                .setParameter("now", clock.instant())
                .getResultStream()
                .forEach(row -> paused.put((String) row[0], (Instant) row[1]));
        return paused;
    }

    private Optional<Pause> count(ThrottleKey key, Instant now) {
        SignInThrottle row = em.find(SignInThrottle.class, key.id(), LockModeType.PESSIMISTIC_WRITE);
        ThrottlePolicy.Counter before = row == null ? ThrottlePolicy.Counter.none() : row.counter();
        if (before.pausedAt(now)) {
            return Optional.empty();
        }
        ThrottlePolicy.Counter after = before.afterFailure(now, key.bucket());
        if (row == null) {
            em.persist(new SignInThrottle(key, after));
        } else {
            row.record(after);
        }
        return after.pausedAt(now)
                ? Optional.of(new Pause(key, after.failures(), Duration.between(now, after.pausedUntil())))
                : Optional.empty();
    }

    private static String deviceKey(String deviceHash, String username) {
        return deviceHash + ":" + username;
    }
}
