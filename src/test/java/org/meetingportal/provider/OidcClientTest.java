package org.meetingportal.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relying party's checks against a provider on a loopback port that behaves as the protocol says, and can
 * be made to misbehave: a forged, foreign, replayed or expired ID token, a wrong PKCE verifier, an answer to
 * someone else's sign-in. The whole flow against a real provider (Keycloak) is for the integration tests.
 */
class OidcClientTest {

    private static final URI CALLBACK = URI.create("https://portal.example.com/sign-in/provider/callback");
    private static final String CLIENT = "meeting-portal";
    private static final String SECRET = "client-secret-for-tests";

    private HttpServer server;
    private String issuer;
    private RSAKey key;
    /** What the token endpoint does to the ID token it is about to sign. */
    private UnaryOperator<JWTClaimsSet.Builder> idTokenChange = UnaryOperator.identity();
    private RSAKey signingKey;
    /** Whether the token endpoint sends an ID token that is not signed at all ("alg": "none"). */
    private boolean unsigned;
    private String expectedChallenge;
    private String tokenError;
    private Clock clock = Clock.systemUTC();

    @BeforeEach
    void provider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        signingKey = key;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/staff";
        server.createContext("/realms/staff/.well-known/openid-configuration", x -> answer(x, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/auth","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/keys","end_session_endpoint":"%1$s/logout","response_types_supported":["code"],
                 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}
                """.formatted(issuer)));
        server.createContext("/realms/staff/keys", x -> answer(x, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/realms/staff/token", this::token);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private OidcClient client() {
        return new OidcClient(new ProviderSettings(URI.create(issuer), CLIENT, SECRET, Optional.of("portal-admins"),
                "Staff account", ProviderSettings.LocalSignIn.ALL), clock);
    }

    /** The provider's token endpoint: checks the client, the code's PKCE verifier, then answers with tokens. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = URLUtils.parseParameters(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (tokenError != null) {
            answer(exchange, 400, "{\"error\":\"" + tokenError + "\"}");
            return;
        }
        String grant = form.get("grant_type").get(0);
        String nonce = null;
        if (grant.equals("authorization_code")) {
            String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(form.get("code_verifier")
                    .get(0))).getValue();
            if (!challenge.equals(expectedChallenge) || !form.get("code").get(0).equals("the-code")) {
                answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
            nonce = nonceOfTheSignIn;
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject("f3b1-ann").audience(CLIENT)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("preferred_username", "ann.lee").claim("name", "Ann Lee").claim("email", "ann@example.com")
                .claim("groups", List.of("staff", "portal-admins"));
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        String idToken;
        if (unsigned) {
            idToken = new PlainJWT(idTokenChange.apply(claims).build()).serialize();
        } else {
            SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                    idTokenChange.apply(claims).build());
            try {
                signed.sign(new RSASSASigner(signingKey));
            } catch (JOSEException e) {
                throw new IOException(e);
            }
            idToken = signed.serialize();
        }
        answer(exchange, 200, """
                {"access_token":"at-%d","token_type":"Bearer","expires_in":60,"refresh_token":"rt-2",
                 "id_token":"%s"}""".formatted(System.nanoTime(), idToken));
    }

    private String nonceOfTheSignIn;

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Starts a sign-in and notes, as the provider would, the challenge and nonce it carries. */
    private OidcClient.Start started(OidcClient client) throws ProviderException {
        OidcClient.Start start = client.start(CALLBACK, "/index.xhtml");
        Map<String, List<String>> query = URLUtils.parseParameters(start.authorization().getRawQuery());
        expectedChallenge = query.get("code_challenge").get(0);
        nonceOfTheSignIn = query.get("nonce").get(0);
        return start;
    }

    private static URI answerTo(OidcClient.Start start, String parameters) {
        return URI.create(CALLBACK + "?" + parameters + "&state=" + start.pending().state());
    }

    @Test
    void theAuthorizationRequestCarriesStateNonceAndAnS256Challenge() throws ProviderException {
        OidcClient.Start start = client().start(CALLBACK, "/index.xhtml");
        Map<String, List<String>> query = URLUtils.parseParameters(start.authorization().getRawQuery());
        assertTrue(start.authorization().toString().startsWith(issuer + "/auth?"), start.authorization()::toString);
        assertEquals(List.of("code"), query.get("response_type"));
        assertEquals(List.of(CLIENT), query.get("client_id"));
        assertEquals(List.of(CALLBACK.toString()), query.get("redirect_uri"));
        assertEquals(List.of("S256"), query.get("code_challenge_method"));
        assertEquals(List.of(start.pending().state()), query.get("state"));
        assertEquals(List.of(start.pending().nonce()), query.get("nonce"));
        assertEquals(CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(start.pending().codeVerifier()))
                .getValue(), query.get("code_challenge").get(0));
        assertTrue(query.get("scope").get(0).contains("openid"));
        OidcClient.Start another = client().start(CALLBACK, "/index.xhtml");
        assertTrue(!another.pending().state().equals(start.pending().state())
                && !another.pending().codeVerifier().equals(start.pending().codeVerifier()), "fresh for every sign-in");
    }

    @Test
    void aGoodAnswerGivesWhoSignedInAndTheirTokens() throws ProviderException {
        OidcClient client = client();
        OidcClient.Start start = started(client);
        ProviderIdentity who = client.finish(answerTo(start, "code=the-code"), CALLBACK, start.pending());
        assertEquals(issuer, who.issuer());
        assertEquals("f3b1-ann", who.subject());
        assertEquals("ann.lee", who.preferredUsername());
        assertEquals("Ann Lee", who.displayName());
        assertEquals("ann@example.com", who.email());
        assertEquals(List.of("staff", "portal-admins"), who.groups());
        assertEquals(Optional.of("rt-2"), who.tokens().refresh());
        assertTrue(who.tokens().accessExpiresAt().isAfter(Instant.now().plusSeconds(50)));
    }

    @Test
    void anAnswerToAnotherSignInIsStale() throws ProviderException {
        OidcClient client = client();
        OidcClient.Start mine = started(client);
        OidcClient.Start theirs = client.start(CALLBACK, "/index.xhtml");
        ProviderException e = assertThrows(ProviderException.class,
                () -> client.finish(answerTo(theirs, "code=the-code"), CALLBACK, mine.pending()));
        assertEquals(ProviderException.Reason.STALE, e.reason());
        e = assertThrows(ProviderException.class,
                () -> client.finish(answerTo(mine, "code=the-code"), CALLBACK, null));
        assertEquals(ProviderException.Reason.STALE, e.reason(), "no sign-in pending in this session");
    }

    @Test
    void aSignInLeftTooLongAtTheProviderIsStale() throws ProviderException {
        OidcClient.Start start = started(client());
        clock = Clock.offset(Clock.systemUTC(), OidcClient.PENDING_LIFETIME.plusMinutes(1));
        ProviderException e = assertThrows(ProviderException.class,
                () -> client().finish(answerTo(start, "code=the-code"), CALLBACK, start.pending()));
        assertEquals(ProviderException.Reason.STALE, e.reason());
    }

    @Test
    void aRefusalAtTheProviderSaysSo() throws ProviderException {
        OidcClient client = client();
        OidcClient.Start start = started(client);
        ProviderException e = assertThrows(ProviderException.class, () -> client.finish(answerTo(start,
                "error=access_denied&error_description=user+cancelled"), CALLBACK, start.pending()));
        assertEquals(ProviderException.Reason.REFUSED, e.reason());
        assertTrue(e.getMessage().contains("access_denied"), e.getMessage());
    }

    @Test
    void aCodeRedeemedWithAnotherVerifierIsRefused() throws ProviderException {
        OidcClient client = client();
        OidcClient.Start start = started(client);
        PendingSignIn forged = new PendingSignIn(start.pending().state(), start.pending().nonce(),
                new CodeVerifier().getValue(), "/", start.pending().startedAt());
        ProviderException e = assertThrows(ProviderException.class,
                () -> client.finish(answerTo(start, "code=the-code"), CALLBACK, forged));
        assertEquals(ProviderException.Reason.REFUSED, e.reason());
    }

    @Test
    void idTokensThatFailTheirChecksAreRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        List<Runnable> misdeeds = List.of(
                () -> signingKey = stranger,
                () -> unsigned = true,
                () -> idTokenChange = c -> c.audience("another-client"),
                () -> idTokenChange = c -> c.issuer("https://impostor.example.com"),
                () -> idTokenChange = c -> c.claim("nonce", "a-nonce-of-another-sign-in"),
                () -> idTokenChange = c -> c.issueTime(Date.from(Instant.now().minusSeconds(3600)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(600))));
        for (Runnable misdeed : misdeeds) {
            signingKey = key;
            unsigned = false;
            idTokenChange = UnaryOperator.identity();
            misdeed.run();
            OidcClient client = client();
            OidcClient.Start start = started(client);
            ProviderException e = assertThrows(ProviderException.class,
                    () -> client.finish(answerTo(start, "code=the-code"), CALLBACK, start.pending()));
            assertEquals(ProviderException.Reason.INVALID, e.reason(), e.getMessage());
        }
    }

    @Test
    void aProviderThatIsAwayIsUnavailableUntilItIsBack() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        OidcClient client = client();
        ProviderException e = assertThrows(ProviderException.class, () -> client.start(CALLBACK, "/"));
        assertEquals(ProviderException.Reason.UNAVAILABLE, e.reason());
        HttpServer again = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        again.createContext("/realms/staff/.well-known/openid-configuration", x -> answer(x, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/auth","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/keys","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer)));
        again.start();
        server = again;
        assertTrue(client.start(CALLBACK, "/").authorization().toString().startsWith(issuer + "/auth"));
    }

    @Test
    void aRefreshGivesNewTokensOrNothingOnceTheProviderRefuses() throws ProviderException {
        OidcClient client = client();
        ProviderIdentity.ProviderTokens current = new ProviderIdentity.ProviderTokens("old-id-token", "rt-1",
                Instant.now());
        ProviderIdentity.ProviderTokens renewed = client.refresh(current).orElseThrow();
        assertEquals(Optional.of("rt-2"), renewed.refresh());
        assertTrue(renewed.accessExpiresAt().isAfter(Instant.now().plusSeconds(50)));
        tokenError = "invalid_grant";
        assertEquals(Optional.empty(), client.refresh(current), "disabled or signed out at the provider");
        assertEquals(Optional.empty(), client.refresh(new ProviderIdentity.ProviderTokens("id", null, Instant.now())));
    }

    @Test
    void signingOutSendsThePersonToTheProvidersLogoutWithTheirIdToken() throws ProviderException {
        OidcClient client = client();
        OidcClient.Start start = started(client);
        ProviderIdentity who = client.finish(answerTo(start, "code=the-code"), CALLBACK, start.pending());
        URI logout = client.logout(who.tokens(), URI.create("https://portal.example.com/login.xhtml")).orElseThrow();
        Map<String, List<String>> query = URLUtils.parseParameters(logout.getRawQuery());
        assertTrue(logout.toString().startsWith(issuer + "/logout?"), logout::toString);
        assertEquals(List.of(who.tokens().idToken()), query.get("id_token_hint"));
        assertEquals(List.of("https://portal.example.com/login.xhtml"), query.get("post_logout_redirect_uri"));
    }

    @Test
    void noLogoutAddressWhenTheProviderHasNone() throws Exception {
        server.removeContext("/realms/staff/.well-known/openid-configuration");
        server.createContext("/realms/staff/.well-known/openid-configuration", x -> answer(x, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/auth","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/keys","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer)));
        assertEquals(Optional.empty(), client().logout(new ProviderIdentity.ProviderTokens("x", null, Instant.now()),
                URI.create("https://portal.example.com/")));
    }
}
