package org.meetingportal.provider;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.meetingportal.account.Role;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.StartupOrder;

/**
 * Whether the portal signs people in through the company's provider, and the client that does it. The
 * settings are checked at start, so that a mistyped one stops the portal there with its name, rather than
 * at the first person's sign-in.
 */
@ApplicationScoped
public class CompanySignIn {

    private static final Logger LOG = Logger.getLogger(CompanySignIn.class.getName());

    @Inject
    Configuration configuration;

    @Inject
    Clock clock;

    private volatile Optional<OidcClient> client;

    void check(@Observes @Priority(StartupOrder.SCHEMA) @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(client().map(c -> "Company sign-in: " + c.settings() + ", local sign-in "
                + c.settings().localSignIn()).orElse("Company sign-in: not configured (set PORTAL_OIDC_ISSUER, "
                + "PORTAL_OIDC_CLIENT_ID and PORTAL_OIDC_CLIENT_SECRET); portal passwords only"));
    }

    /** The provider's client, or empty when the portal signs people in with its own passwords only. */
    public Optional<OidcClient> client() {
        Optional<OidcClient> known = client;
        if (known == null) {
            known = ProviderSettings.read(configuration).map(settings -> new OidcClient(settings, clock));
            client = known;
        }
        return known;
    }

    public Optional<ProviderSettings> settings() {
        return client().map(OidcClient::settings);
    }

    /** Who may still sign in with a portal password. */
    public ProviderSettings.LocalSignIn localSignIn() {
        return settings().map(ProviderSettings::localSignIn).orElse(ProviderSettings.LocalSignIn.ALL);
    }

    /** Whether a local account of this role may sign in with its password under the settings. */
    public boolean allowsPassword(Role role) {
        return switch (localSignIn()) {
            case ALL -> true;
            case ADMINS_ONLY -> role == Role.ADMIN;
            case OFF -> false;
        };
    }

    /** What the provider's groups make a person: an admin in the admin group, if one is set; else an employee. */
    public Role roleOf(ProviderIdentity who) {
        return settings().flatMap(ProviderSettings::adminGroup).filter(who.groups()::contains).isPresent()
                ? Role.ADMIN : Role.EMPLOYEE;
    }
}
