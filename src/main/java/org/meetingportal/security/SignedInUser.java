package org.meetingportal.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.meetingportal.account.Account;

/**
 * What a signed-in session holds, and all it holds: who, which session generation of theirs it belongs to,
 * since when, and the token that state-changing API calls must echo. Small and immutable, so that it can be
 * replicated across a cluster.
 */
public record SignedInUser(String username, int sessionGeneration, Instant signedInAt, String csrfToken)
        implements Serializable {

    static final String ATTRIBUTE = SignedInUser.class.getName();

    /** Why a session no longer signs its person in. */
    public enum Ending {
        /** Past its absolute limit. */
        EXPIRED,
        /** The account was disabled, or its sessions were ended (a password or role change). */
        REVOKED;

        String event() {
            return this == EXPIRED ? "session_expired" : "session_revoked";
        }
    }

    /**
     * Whether this session still signs its person in: the one rule for requests and call sockets alike.
     *
     * @param account the account as it is now, empty if it is gone; read only when the age leaves it open
     * @return why it no longer does, or empty while it does
     */
    public Optional<Ending> ending(Instant now, Duration maxAge, Supplier<Optional<Account>> account) {
        if (expiredAt(now, maxAge)) {
            return Optional.of(Ending.EXPIRED);
        }
        boolean current = account.get().filter(Account::enabled)
                .filter(a -> a.sessionGeneration() == sessionGeneration).isPresent();
        return current ? Optional.empty() : Optional.of(Ending.REVOKED);
    }

    /** Whether the session has outlived its absolute limit, however active it was. */
    boolean expiredAt(Instant now, Duration maxAge) {
        return !now.isBefore(signedInAt.plus(maxAge));
    }

    SignedInUser withGeneration(int generation) {
        return new SignedInUser(username, generation, signedInAt, csrfToken);
    }
}
