package org.meetingportal.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each person's current UserSig, handed out again while at least half its life is left. A UserSig names
 * only the person and the application, never a room or a right, so it is meant to last a session (Tencent
 * signs one at sign-in); the room and the rights are in the PrivateMapKey, which is signed afresh at every
 * request. A meeting page asks again every few minutes, and signing a UserSig each time would cost half of
 * what signing costs, for nothing. Entries whose UserSig has expired are dropped as new ones are made, at
 * most once a minute, so that the map holds about the people of the last lifetime.
 */
final class UserSigs {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    /** One signed UserSig and the moment it stops being accepted. */
    record Issued(String userSig, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[UserSig not shown, expires " + expiresAt + "]";
        }
    }

    private final Map<String, Issued> current = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.MIN;

    /**
     * The person's UserSig: the current one while at least half of {@code lifetime} is left of it, else a
     * new one from {@code sign}, which then lives {@code lifetime} from {@code now}.
     */
    Issued of(String username, Instant now, Duration lifetime, Supplier<String> sign) {
        Issued issued = current.get(username);
        if (issued != null && !issued.expiresAt().minus(lifetime.dividedBy(2)).isBefore(now)) {
            return issued;
        }
        Issued fresh = new Issued(sign.get(), now.plus(lifetime));
        current.put(username, fresh);
        sweep(now);
        return fresh;
    }

    int size() {
        return current.size();
    }

    private void sweep(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_EVERY);
        current.values().removeIf(issued -> !issued.expiresAt().isAfter(now));
    }
}
