package org.meetingportal.provider;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The portal's side of OpenID Connect's authorization code flow with one provider: where to send a person to
 * sign in (with state, nonce and a PKCE challenge), redeeming the code the provider sends back and checking the
 * ID token (signature from the provider's published keys, issuer, audience, expiry, nonce), refreshing a
 * sign-in, and the provider's logout address. The protocol itself is Nimbus' OAuth 2.0 SDK; this class holds
 * the decisions.
 *
 * <p>The provider's description is read on first use and kept; a provider that cannot be reached then is asked
 * again at the next sign-in, so that the portal starts, and local sign-in works, while the provider is away.
 */
public class OidcClient {

    /** Every call to the provider is bounded: a sign-in page must answer, not hang with a dead provider. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    /** A sign-in left at the provider's page longer than this is started again. */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);

    /** When the provider says nothing about the access token's lifetime. */
    private static final Duration DEFAULT_ACCESS_LIFETIME = Duration.ofMinutes(5);

    private final ProviderSettings settings;
    private final Clock clock;
    private volatile Provider provider;

    /** What the provider published about itself, and the checker of its ID tokens made from it. */
    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    /** Where to send the person, and what their session keeps until they come back. */
    public record Start(URI authorization, PendingSignIn pending) {
    }

    public OidcClient(ProviderSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public ProviderSettings settings() {
        return settings;
    }

    /**
     * A new sign-in: the provider's authorization address with a fresh state, nonce and PKCE (S256) challenge.
     *
     * @param callback the portal's callback address, registered with the provider
     * @param next the portal page to show afterwards
     */
    public Start start(URI callback, String next) throws ProviderException {
        OIDCProviderMetadata metadata = provider().metadata();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI authorization = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "profile", "email"),
                new ClientID(settings.clientId()), callback)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
        return new Start(authorization, new PendingSignIn(state.getValue(), nonce.getValue(), verifier.getValue(), next,
                clock.instant()));
    }

    /**
     * The provider's answer at the callback, for the sign-in the session has pending: checked throughout, the
     * code redeemed with the PKCE verifier, the ID token checked against the nonce.
     *
     * @param answer the callback address as the browser requested it, query included
     * @param callback the callback address as given to {@link #start}
     */
    public ProviderIdentity finish(URI answer, URI callback, PendingSignIn pending) throws ProviderException {
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(answer);
        } catch (ParseException e) {
            throw new ProviderException(ProviderException.Reason.INVALID, "the callback is not a provider's answer: "
                    + e.getMessage());
        }
        if (pending == null || response.getState() == null || !response.getState().getValue().equals(pending.state())) {
            throw new ProviderException(ProviderException.Reason.STALE,
                    "the callback's state belongs to no sign-in this session started");
        }
        if (clock.instant().isAfter(pending.startedAt().plus(PENDING_LIFETIME))) {
            throw new ProviderException(ProviderException.Reason.STALE, "the sign-in was started over "
                    + PENDING_LIFETIME.toMinutes() + " minutes ago");
        }
        if (response instanceof AuthenticationErrorResponse error) {
            ErrorObject why = error.getErrorObject();
            throw new ProviderException(ProviderException.Reason.REFUSED, "the provider answered " + why.getCode()
                    + (why.getDescription() == null ? "" : ": " + why.getDescription()));
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            throw new ProviderException(ProviderException.Reason.INVALID, "the provider's answer has no code");
        }
        Tokens tokens = redeem(new AuthorizationCodeGrant(code, callback, new CodeVerifier(pending.codeVerifier())));
        if (!(tokens instanceof com.nimbusds.openid.connect.sdk.token.OIDCTokens oidc) || oidc.getIDToken() == null) {
            throw new ProviderException(ProviderException.Reason.INVALID, "the provider gave no ID token");
        }
        IDTokenClaimsSet claims = check(oidc.getIDToken(), new Nonce(pending.nonce()));
        return new ProviderIdentity(claims.getIssuer().getValue(), claims.getSubject().getValue(),
                claims.getStringClaim("preferred_username"), displayName(claims), claims.getStringClaim("email"),
                groups(claims), new ProviderIdentity.ProviderTokens(oidc.getIDTokenString(),
                        refreshToken(oidc.getRefreshToken()), accessExpiry(oidc.getAccessToken())));
    }

    /**
     * Asks the provider whether a sign-in still holds, with its refresh token: new tokens when it does, empty
     * when the provider refuses (the person was disabled or signed out there, or the token expired).
     *
     * @throws ProviderException when the provider cannot be asked: the caller decides whether that ends the session
     */
    public Optional<ProviderIdentity.ProviderTokens> refresh(ProviderIdentity.ProviderTokens current)
            throws ProviderException {
        if (current.refresh().isEmpty()) {
            return Optional.empty();
        }
        Tokens tokens;
        try {
            tokens = redeem(new RefreshTokenGrant(new RefreshToken(current.refreshToken())));
        } catch (ProviderException e) {
            if (e.reason() == ProviderException.Reason.REFUSED) {
                return Optional.empty();
            }
            throw e;
        }
        String idToken = tokens instanceof com.nimbusds.openid.connect.sdk.token.OIDCTokens oidc
                && oidc.getIDTokenString() != null ? oidc.getIDTokenString() : current.idToken();
        String refresh = tokens.getRefreshToken() != null ? tokens.getRefreshToken().getValue() : current.refreshToken();
        return Optional.of(new ProviderIdentity.ProviderTokens(idToken, refresh, accessExpiry(tokens.getAccessToken())));
    }

    /**
     * Where to send a person who signs out, so that the provider ends its session too (RP-initiated logout),
     * coming back to {@code afterwards}; empty when the provider offers no such address.
     */
    public Optional<URI> logout(ProviderIdentity.ProviderTokens tokens, URI afterwards) {
        URI endSession;
        try {
            endSession = provider().metadata().getEndSessionEndpointURI();
        } catch (ProviderException unavailable) {
            return Optional.empty();
        }
        if (endSession == null) {
            return Optional.empty();
        }
        JWT hint;
        try {
            hint = JWTParser.parse(tokens.idToken());
        } catch (java.text.ParseException e) {
            hint = null;
        }
        return Optional.of(new LogoutRequest(endSession, hint, afterwards, new State()).toURI());
    }

    private Tokens redeem(AuthorizationGrant grant) throws ProviderException {
        OIDCProviderMetadata metadata = provider().metadata();
        TokenRequest request = new TokenRequest.Builder(metadata.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(settings.clientId()), new Secret(settings.clientSecret())), grant)
                .build();
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        http.setReadTimeout((int) READ_TIMEOUT.toMillis());
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Reason.UNAVAILABLE, "the provider's token endpoint cannot be "
                    + "reached: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new ProviderException(ProviderException.Reason.UNAVAILABLE, "the provider's token endpoint answered "
                    + "nonsense: " + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject why = ((TokenErrorResponse) response).getErrorObject();
            throw new ProviderException(ProviderException.Reason.REFUSED, "the provider refused the token request: "
                    + why.getCode() + (why.getDescription() == null ? "" : " (" + why.getDescription() + ")"));
        }
        return response instanceof OIDCTokenResponse oidc ? oidc.getOIDCTokens()
                : response.toSuccessResponse().getTokens();
    }

    private IDTokenClaimsSet check(JWT idToken, Nonce nonce) throws ProviderException {
        try {
            return provider().validator().validate(idToken, nonce);
        } catch (BadJOSEException e) {
            throw new ProviderException(ProviderException.Reason.INVALID, "the ID token failed its checks: "
                    + e.getMessage(), e);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new ProviderException(ProviderException.Reason.UNAVAILABLE, "the provider's keys cannot be used: "
                    + e.getMessage(), e);
        }
    }

    private Provider provider() throws ProviderException {
        Provider known = provider;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (provider == null) {
                provider = discover();
            }
            return provider;
        }
    }

    private Provider discover() throws ProviderException {
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), (int) CONNECT_TIMEOUT.toMillis(),
                    (int) READ_TIMEOUT.toMillis());
        } catch (GeneralException | IOException e) {
            throw new ProviderException(ProviderException.Reason.UNAVAILABLE, "the provider's description at "
                    + settings.issuer() + "/.well-known/openid-configuration cannot be read: " + e.getMessage(), e);
        }
        List<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs() == null ? List.of(JWSAlgorithm.RS256)
                : metadata.getIDTokenJWSAlgs();
        // RS256 is what every provider must offer; "none" and the shared-secret family are never accepted.
        JWSAlgorithm algorithm = algorithms.contains(JWSAlgorithm.RS256) ? JWSAlgorithm.RS256 : algorithms.stream()
                .filter(a -> JWSAlgorithm.Family.SIGNATURE.contains(a)).findFirst()
                .orElseThrow(() -> new ProviderException(ProviderException.Reason.UNAVAILABLE,
                        "the provider signs ID tokens with none of the public-key algorithms: " + algorithms));
        try {
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(settings.clientId()),
                    algorithm, metadata.getJWKSetURI().toURL(), new DefaultResourceRetriever(
                            (int) CONNECT_TIMEOUT.toMillis(), (int) READ_TIMEOUT.toMillis()));
            validator.setMaxClockSkew(60);
            return new Provider(metadata, validator);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new ProviderException(ProviderException.Reason.UNAVAILABLE, "the provider's key address is not usable: "
                    + metadata.getJWKSetURI(), e);
        }
    }

    private Instant accessExpiry(AccessToken token) {
        long seconds = token == null ? 0 : token.getLifetime();
        return clock.instant().plus(seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_ACCESS_LIFETIME);
    }

    private static String refreshToken(RefreshToken token) {
        return token == null ? null : token.getValue();
    }

    private static String displayName(IDTokenClaimsSet claims) {
        String name = claims.getStringClaim("name");
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        String given = claims.getStringClaim("given_name");
        String family = claims.getStringClaim("family_name");
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return joined.isEmpty() ? claims.getStringClaim("preferred_username") : joined;
    }

    private static List<String> groups(IDTokenClaimsSet claims) {
        List<String> groups = claims.getStringListClaim("groups");
        return groups == null ? List.of() : List.copyOf(groups);
    }
}
