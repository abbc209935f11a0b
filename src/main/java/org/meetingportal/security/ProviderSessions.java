package org.meetingportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.meetingportal.platform.SecurityLog;
import org.meetingportal.provider.CompanySignIn;
import org.meetingportal.provider.OidcClient;
import org.meetingportal.provider.ProviderException;
import org.meetingportal.provider.ProviderIdentity;

/**
 * The provider's part in a session that began with a sign-in through it: once the provider's access token
 * has expired, the next request asks the provider whether the sign-in still holds, and a person the provider
 * no longer vouches for (disabled there, signed out there) is signed out here; signing out here ends the
 * provider's session too.
 */
@ApplicationScoped
public class ProviderSessions {

    private static final Logger LOG = Logger.getLogger(ProviderSessions.class.getName());

    @Inject
    CompanySignIn companySignIn;

    @Inject
    Clock clock;

    /**
     * Whether the session's sign-in still holds as far as the provider is concerned, refreshing its tokens
     * when they have expired. A provider that cannot be asked leaves the session as it is until the next
     * request: its being away signs nobody out.
     */
    boolean stillVouchedFor(HttpServletRequest request, SignedInUser user) {
        Optional<ProviderIdentity.ProviderTokens> tokens = user.providerTokens();
        if (tokens.isEmpty() || clock.instant().isBefore(tokens.get().accessExpiresAt())) {
            return true;
        }
        Optional<OidcClient> client = companySignIn.client();
        if (client.isEmpty()) {
            // The portal no longer signs in through a provider: what it vouched for stands until the session ends.
            return true;
        }
        try {
            Optional<ProviderIdentity.ProviderTokens> renewed = client.get().refresh(tokens.get());
            if (renewed.isEmpty()) {
                if (refreshedMeanwhile(request)) {
                    // Another request of the same session used the refresh token first (providers that rotate
                    // refresh tokens refuse the second use): that one's answer stands.
                    return true;
                }
                SecurityLog.event("session_revoked", "user", user.username(), "by", "provider");
                return false;
            }
            Sessions.refreshed(request, renewed.get());
            return true;
        } catch (ProviderException e) {
            LOG.warning(() -> "The provider could not be asked whether " + user.username() + " is still signed in; "
                    + "asking again at the next request: " + e.getMessage());
            return true;
        }
    }

    private boolean refreshedMeanwhile(HttpServletRequest request) {
        return Sessions.signedIn(request).flatMap(SignedInUser::providerTokens)
                .filter(t -> clock.instant().isBefore(t.accessExpiresAt())).isPresent();
    }

    /** Where to send a person signing out so that the provider's session ends too; empty for a portal password. */
    Optional<URI> logoutAddress(HttpServletRequest request, String afterwards) {
        Optional<ProviderIdentity.ProviderTokens> tokens = Sessions.signedIn(request)
                .flatMap(SignedInUser::providerTokens);
        return tokens.flatMap(t -> companySignIn.client().flatMap(c -> c.logout(t, URI.create(afterwards))));
    }
}
