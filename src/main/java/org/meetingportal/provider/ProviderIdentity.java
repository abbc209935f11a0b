package org.meetingportal.provider;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who the provider says signed in, from an ID token the portal has checked, and the tokens that keep the
 * sign-in alive.
 *
 * @param issuer with {@code subject}, the link of a portal account to the provider: never the e-mail
 * @param preferredUsername the provider's {@code preferred_username}; null when it gives none
 * @param groups the {@code groups} claim, empty when the provider sends none
 */
public record ProviderIdentity(String issuer, String subject, String preferredUsername, String displayName,
        String email, List<String> groups, ProviderTokens tokens) implements Serializable {

    /**
     * @param idToken the ID token as received, for the provider's logout ({@code id_token_hint})
     * @param refreshToken null when the provider gives none: the sign-in then lasts as the portal's session does
     * @param accessExpiresAt when the provider must next be asked whether the sign-in still holds
     */
    public record ProviderTokens(String idToken, String refreshToken, Instant accessExpiresAt)
            implements Serializable {

        public Optional<String> refresh() {
            return Optional.ofNullable(refreshToken);
        }
    }
}
