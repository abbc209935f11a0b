package org.meetingportal.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.meetingportal.account.Account;
import org.meetingportal.provider.ProviderIdentity;

/**
 * What a signed-in session holds, and all it holds: who, which session generation of theirs it belongs to,
 * since when, the token that state-changing API calls must echo, and for a sign-in through the company's
 * provider, the provider's tokens; for a guest, the meeting their link let them into ({@code username} is then
 * the guest's TRTC userId). Small and immutable, so that it can be replicated across a cluster.
 */
public record SignedInUser(String username, int sessionGeneration, Instant signedInAt, String csrfToken,
        ProviderIdentity.ProviderTokens provider, GuestPass guest) implements Serializable {

    static final String ATTRIBUTE = SignedInUser.class.getName();

    /** A sign-in with a portal password. */
    public SignedInUser(String username, int sessionGeneration, Instant signedInAt, String csrfToken) {
        this(username, sessionGeneration, signedInAt, csrfToken, null, null);
    }

    /** A sign-in through the company's provider, whose tokens it keeps. */
    public SignedInUser(String username, int sessionGeneration, Instant signedInAt, String csrfToken,
            ProviderIdentity.ProviderTokens provider) {
        this(username, sessionGeneration, signedInAt, csrfToken, provider, null);
    }

    public boolean isGuest() {
        return guest != null;
    }

    /** The provider's tokens of a sign-in through the company's provider; empty for a portal password. */
    public Optional<ProviderIdentity.ProviderTokens> providerTokens() {
        return Optional.ofNullable(provider);
    }

    SignedInUser withProvider(ProviderIdentity.ProviderTokens tokens) {
        return new SignedInUser(username, sessionGeneration, signedInAt, csrfToken, tokens, guest);
    }

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
    public boolean expiredAt(Instant now, Duration maxAge) {
        return !now.isBefore(signedInAt.plus(maxAge));
    }

    SignedInUser withGeneration(int generation) {
        return new SignedInUser(username, generation, signedInAt, csrfToken, provider, guest);
    }
}
