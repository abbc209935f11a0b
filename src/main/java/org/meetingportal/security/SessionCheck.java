package org.meetingportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.meetingportal.account.Account;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.SecurityLog;

/**
 * Applies {@link SignedInUser#ending} with the configured limit, for every way in that outlives one request:
 * the HTTP session and the call socket opened under it. Each ending is logged as a security event.
 */
@ApplicationScoped
public class SessionCheck {

    private Configuration configuration;
    private Clock clock;

    protected SessionCheck() {
        // for the container's proxy
    }

    @Inject
    public SessionCheck(Configuration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
    }

    /** Why this session no longer signs its person in, or empty while it does. */
    public Optional<SignedInUser.Ending> ending(SignedInUser user, Supplier<Optional<Account>> account) {
        Optional<SignedInUser.Ending> ending = user.ending(clock.instant(),
                Duration.ofHours(configuration.sessionMaxHours()), account);
        ending.ifPresent(e -> SecurityLog.event(e.event(), "user", user.username()));
        return ending;
    }

    /** The account this session still signs in, read once through {@code account}; empty once it does not. */
    public Optional<Account> account(SignedInUser user, Supplier<Optional<Account>> account) {
        var read = new Object() {
            Optional<Account> now = Optional.empty();
        };
        return ending(user, () -> read.now = account.get()).isPresent() ? Optional.empty() : read.now;
    }
}
