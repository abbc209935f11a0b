package org.meetingportal.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.meetingportal.platform.Configuration;

/**
 * The company's identity provider as the settings name it, or nothing: with none of the {@code PORTAL_OIDC_*}
 * settings the portal signs people in with its own passwords only, exactly as without this feature.
 *
 * @param issuer the provider's issuer, whose {@code /.well-known/openid-configuration} describes it
 * @param adminGroup a value of the {@code groups} claim that makes its members admins; empty: nobody is
 *     made an admin by the provider
 * @param name what the sign-in button calls the provider's accounts, e.g. "Contoso account"
 */
public record ProviderSettings(URI issuer, String clientId, String clientSecret, Optional<String> adminGroup,
        String name, LocalSignIn localSignIn) {

    public static final String ISSUER = "PORTAL_OIDC_ISSUER";
    public static final String CLIENT_ID = "PORTAL_OIDC_CLIENT_ID";
    public static final String CLIENT_SECRET = "PORTAL_OIDC_CLIENT_SECRET";
    public static final String ADMIN_GROUP = "PORTAL_OIDC_ADMIN_GROUP";
    public static final String NAME = "PORTAL_OIDC_NAME";
    public static final String LOCAL_SIGN_IN = "PORTAL_LOCAL_SIGN_IN";

    /** Who may still sign in with a portal password. Accounts of the provider have none, whatever this says. */
    public enum LocalSignIn {
        /** Every local account: those an admin made, and the first admin. */
        ALL,
        /** Local admins only: the break-glass account for when the provider is away. */
        ADMINS_ONLY,
        /** Nobody: everyone signs in through the provider. */
        OFF;

        static LocalSignIn parse(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "all" -> ALL;
                case "admins-only" -> ADMINS_ONLY;
                case "off" -> OFF;
                default -> throw new IllegalStateException(LOCAL_SIGN_IN + " must be all, admins-only or off, but is '"
                        + value + "'");
            };
        }
    }

    /** Keeps the secret out of every log line and error page that shows these settings. */
    @Override
    public String toString() {
        return "OpenID Connect provider " + issuer + " for client " + clientId;
    }

    /**
     * The provider the settings name, or empty for none.
     *
     * @throws IllegalStateException naming the setting when they are incomplete or malformed, or when they
     *     would let nobody sign in: the portal then stops at start rather than lock everyone out
     */
    public static Optional<ProviderSettings> read(Configuration configuration) {
        Optional<String> issuer = configuration.text(ISSUER);
        Optional<String> clientId = configuration.text(CLIENT_ID);
        Optional<String> secret = configuration.text(CLIENT_SECRET);
        LocalSignIn local = configuration.text(LOCAL_SIGN_IN).map(LocalSignIn::parse).orElse(LocalSignIn.ALL);
        if (issuer.isEmpty() && clientId.isEmpty() && secret.isEmpty()) {
            if (local != LocalSignIn.ALL) {
                throw new IllegalStateException(LOCAL_SIGN_IN + "=" + local.name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + " needs a provider to sign in through (" + ISSUER + "); without one, nobody could sign in");
            }
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        issuer.ifPresentOrElse(i -> { }, () -> missing.add(ISSUER));
        clientId.ifPresentOrElse(i -> { }, () -> missing.add(CLIENT_ID));
        secret.ifPresentOrElse(i -> { }, () -> missing.add(CLIENT_SECRET));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Set " + ISSUER + ", " + CLIENT_ID + " and " + CLIENT_SECRET
                    + " together, or none of them (then only portal passwords sign in); missing: "
                    + String.join(", ", missing));
        }
        if (configuration.publicUrl().isEmpty()) {
            throw new IllegalStateException(ISSUER + " needs " + Configuration.PUBLIC_URL + ": the provider sends people "
                    + "back to " + Configuration.PUBLIC_URL + " followed by /sign-in/provider/callback, the address "
                    + "registered with it, and their session must be waiting at that same address");
        }
        return Optional.of(new ProviderSettings(issuer(issuer.get()), clientId.get(), secret.get(),
                configuration.text(ADMIN_GROUP), configuration.text(NAME).orElse("company account"), local));
    }

    private static URI issuer(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalStateException(ISSUER + " must be the provider's issuer, an absolute http or https URL such "
                    + "as https://login.example.com/realms/staff, but is '" + value + "'");
        }
        return uri;
    }
}
