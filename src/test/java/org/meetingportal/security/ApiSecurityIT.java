package org.meetingportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/** Sign-in, sessions, CSRF and role checks of the API, seen from outside as anonymous, employee and admin. */
class ApiSecurityIT extends PortalIT {

    @Test
    void healthSaysUpWhenTheDatabaseAnswers() {
        HttpAnswer health = new PortalClient(base).get("api/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.json().getString("status"));
    }

    /**
     * Scripts and styles go out gzipped (the SDK alone is 1 MB), saying so in Vary; pages and API answers,
     * which carry the CSRF token and view state, never do (BREACH). Asked over HTTP/1.1, as browsers ask a
     * server without TLS.
     */
    @Test
    void scriptsAndStylesAreCompressedPagesAndApiAnswersNeverAre() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String asset : List.of("jakarta.faces.resource/css/portal.css.xhtml",
                "jakarta.faces.resource/js/portal.js.xhtml")) {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(base.toURI().resolve(asset))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, answer.statusCode(), asset);
            assertEquals("gzip", answer.headers().firstValue("Content-Encoding").orElse(""), asset);
            assertTrue(String.join(",", answer.headers().allValues("Vary")).toLowerCase().contains("accept-encoding"),
                    asset + " " + answer.headers().map());
        }
        for (String secret : List.of("login.xhtml", "api/health")) {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(base.toURI().resolve(secret))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, answer.statusCode(), secret);
            assertTrue(answer.headers().firstValue("Content-Encoding").isEmpty(), secret + " must not be compressed");
        }
    }

    @Test
    void signInGivesIdentityAndTokenAndSignOutEndsTheSession() {
        PortalClient client = new PortalClient(base);
        HttpAnswer signIn = client.signIn("admin", TestPortal.adminPassword());
        assertEquals(200, signIn.status(), signIn::toString);
        JsonObject me = signIn.json();
        assertEquals("admin", me.getString("username"));
        assertEquals("ADMIN", me.getString("role"));
        assertTrue(me.getString("csrfToken").length() >= 32);
        assertEquals("no-store", signIn.header("Cache-Control").orElse(""));

        HttpAnswer meAgain = client.get("api/me");
        assertEquals(200, meAgain.status());
        assertEquals(me.getString("csrfToken"), meAgain.json().getString("csrfToken"));

        String session = client.sessionId().orElseThrow();
        assertEquals(204, client.delete("api/session").status());
        assertEquals(401, client.get("api/me").status());

        PortalClient replay = new PortalClient(base);
        replay.useSessionId(session);
        assertEquals(401, replay.get("api/me").status(), "a signed-out session id must be worth nothing");
    }

    @Test
    void signInIssuesANewSessionIdSoAPlantedOneIsWorthNothing() {
        PortalClient client = new PortalClient(base);
        client.page("login.xhtml");
        String before = client.sessionId().orElseThrow(() -> new AssertionError("login page opened no session"));
        assertEquals(200, client.signIn("admin", TestPortal.adminPassword()).status());
        String after = client.sessionId().orElseThrow();
        assertNotEquals(before, after);

        PortalClient attacker = new PortalClient(base);
        attacker.useSessionId(before);
        assertEquals(401, attacker.get("api/me").status());
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        HttpAnswer unknown = new PortalClient(base).signIn(TestPortal.uniqueName("nobody"), "some-password-1");
        HttpAnswer wrong = new PortalClient(base).signIn("admin", "not-the-admin-password");
        assertEquals(401, unknown.status());
        assertEquals(401, wrong.status());
        assertEquals(unknown.body(), wrong.body());
        assertTrue(unknown.contentType().startsWith("application/problem+json"), unknown.contentType());
    }

    @Test
    void stateChangingCallsNeedTheSessionsCsrfTokenAndTheSameOrigin() {
        PortalClient admin = admin();
        String token = admin.csrfToken();
        JsonObject user = newUser(TestPortal.uniqueName("csrf"));

        admin.forgetCsrfToken();
        HttpAnswer missing = admin.post("api/users", user);
        assertEquals(403, missing.status());
        assertEquals("urn:meeting-portal:problem:error.csrf", missing.json().getString("type"));
        HttpAnswer wrong = admin.send("POST", "api/users", user.toString(), "X-CSRF-Token", token + "x");
        assertEquals(403, wrong.status());
        HttpAnswer otherSite = admin.send("POST", "api/users", user.toString(), "X-CSRF-Token", token,
                "Origin", "https://evil.example");
        assertEquals(403, otherSite.status());
        HttpAnswer fetchMetadata = admin.send("POST", "api/users", user.toString(), "X-CSRF-Token", token,
                "Sec-Fetch-Site", "cross-site");
        assertEquals(403, fetchMetadata.status());
        HttpAnswer sameOrigin = admin.send("POST", "api/users", user.toString(), "X-CSRF-Token", token,
                "Origin", base.getProtocol() + "://" + base.getHost() + ":" + base.getPort());
        assertEquals(201, sameOrigin.status(), sameOrigin::toString);

        HttpAnswer signOutWithoutToken = admin.delete("api/session");
        assertEquals(403, signOutWithoutToken.status(), "signing out is a state change too");
    }

    @Test
    void everyAdminEndpointRefusesAnonymousAndEmployees() {
        PortalClient admin = admin();
        String employeeName = TestPortal.uniqueName("emp");
        PortalClient employee = admin.createSignedInUser(employeeName, "EMPLOYEE", "employee-pass-phrase");
        PortalClient anonymous = new PortalClient(base);
        JsonObject edit = Json.createObjectBuilder().add("displayName", "X").add("email", "x@example.com")
                .add("role", "EMPLOYEE").add("version", 0).build();
        JsonObject reset = Json.createObjectBuilder().add("password", "temporary-pass-phrase").build();
        record Call(String method, String path, JsonObject body) {
        }
        List<Call> calls = List.of(
                new Call("GET", "api/users", null),
                new Call("GET", "api/users?q=a&page=0&size=5", null),
                new Call("POST", "api/users", newUser(TestPortal.uniqueName("role"))),
                new Call("GET", "api/users/" + employeeName, null),
                new Call("PUT", "api/users/" + employeeName, edit),
                new Call("POST", "api/users/" + employeeName + "/disable", null),
                new Call("POST", "api/users/" + employeeName + "/enable", null),
                new Call("POST", "api/users/" + employeeName + "/password", reset));
        for (Call call : calls) {
            String body = call.body() == null ? null : call.body().toString();
            HttpAnswer asAnonymous = anonymous.send(call.method(), call.path(), body);
            assertEquals(401, asAnonymous.status(), () -> "anonymous " + call + ": " + asAnonymous);
            HttpAnswer asEmployee = employee.send(call.method(), call.path(), body);
            assertEquals(403, asEmployee.status(), () -> "employee " + call + ": " + asEmployee);
            assertTrue(asEmployee.contentType().startsWith("application/problem+json"));
        }
        assertTrue(Pattern.compile("security_event=authz_fail user=\"" + employeeName
                + "\" address=\"[0-9a-f.:]+\" call=\"[^\"]*\" reason=\"error.forbidden\" at=\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\"")
                .matcher(TestPortal.serverLog()).find(), "the refusal names the address and the UTC instant");
        for (Call call : calls) {
            String body = call.body() == null ? null : call.body().toString();
            HttpAnswer asAdmin = admin.send(call.method(), call.path(), body);
            assertTrue(asAdmin.status() != 401 && asAdmin.status() != 403 && asAdmin.status() < 500,
                    () -> "admin " + call + ": " + asAdmin);
        }
    }

    @Test
    void disablingAUserEndsTheirSessionAndStopsTheirSignIn() {
        PortalClient admin = admin();
        String name = TestPortal.uniqueName("gone");
        PortalClient user = admin.createSignedInUser(name, "EMPLOYEE", "soon-disabled-phrase");
        assertEquals(200, user.get("api/me").status());

        assertEquals(200, admin.post("api/users/" + name + "/disable", null).status());
        assertEquals(401, user.get("api/me").status(), "the open session must stop working at once");
        assertEquals(401, new PortalClient(base).signIn(name, "soon-disabled-phrase").status());

        assertEquals(200, admin.post("api/users/" + name + "/enable", null).status());
        assertEquals(200, new PortalClient(base).signIn(name, "soon-disabled-phrase").status());
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        PortalClient admin = admin();
        String name = TestPortal.uniqueName("pw");
        PortalClient laptop = admin.createSignedInUser(name, "EMPLOYEE", "laptop-pass-phrase");
        PortalClient phone = PortalClient.signedIn(base, name, "laptop-pass-phrase");

        HttpAnswer wrongCurrent = laptop.post("api/me/password", Json.createObjectBuilder()
                .add("currentPassword", "not-it-at-all").add("newPassword", "brand-new-phrase").build());
        assertEquals(400, wrongCurrent.status());
        assertEquals("currentPassword", wrongCurrent.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(200, phone.get("api/me").status(), "a refused change ends nothing");

        HttpAnswer changed = laptop.post("api/me/password", Json.createObjectBuilder()
                .add("currentPassword", "laptop-pass-phrase").add("newPassword", "brand-new-phrase").build());
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(200, laptop.get("api/me").status(), "the session that changed it stays signed in");
        assertEquals(401, phone.get("api/me").status(), "every other session ends");
        assertEquals(401, new PortalClient(base).signIn(name, "laptop-pass-phrase").status());
        assertEquals(200, new PortalClient(base).signIn(name, "brand-new-phrase").status());
    }

    @Test
    void aUserWhoMustChangeTheirPasswordCanDoNothingElseFirst() {
        PortalClient admin = admin();
        String name = TestPortal.uniqueName("must");
        admin.createUser(name, "ADMIN", "temporary-pass-phrase");
        PortalClient user = PortalClient.signedIn(base, name, "temporary-pass-phrase");
        assertTrue(user.get("api/me").json().getBoolean("mustChangePassword"));
        HttpAnswer refused = user.get("api/users");
        assertEquals(403, refused.status());
        assertEquals("urn:meeting-portal:problem:error.passwordChangeRequired", refused.json().getString("type"));

        HttpAnswer common = user.post("api/me/password", Json.createObjectBuilder()
                .add("currentPassword", "temporary-pass-phrase").add("newPassword", "password123").build());
        assertEquals(400, common.status(), "the policy holds for one's own choice too");

        assertEquals(200, user.post("api/me/password", Json.createObjectBuilder()
                .add("currentPassword", "temporary-pass-phrase").add("newPassword", "my-own-pass-phrase").build())
                .status());
        assertFalse(user.get("api/me").json().getBoolean("mustChangePassword"));
        assertEquals(200, user.get("api/users").status());
    }

    @Test
    void aRoleChangeEndsTheSessionsOfThatUser() {
        PortalClient admin = admin();
        String name = TestPortal.uniqueName("demote");
        PortalClient other = admin.createSignedInUser(name, "ADMIN", "second-admin-phrase");
        assertEquals(200, other.get("api/users").status());
        long version = admin.get("api/users/" + name).json().getJsonNumber("version").longValue();
        assertEquals(200, admin.put("api/users/" + name, Json.createObjectBuilder().add("displayName", "Demoted")
                .add("email", name + "@example.com").add("role", "EMPLOYEE").add("version", version).build()).status());
        assertEquals(401, other.get("api/users").status());
        PortalClient again = PortalClient.signedIn(base, name, "second-admin-phrase");
        assertEquals(403, again.get("api/users").status());
    }

    @Test
    void responsesCarryTheSecurityHeadersAndTheSessionCookieItsFlags() {
        PortalClient client = new PortalClient(base);
        HttpAnswer signIn = client.signIn("admin", TestPortal.adminPassword());
        String cookie = signIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
        assertFalse(cookie.toLowerCase().contains("secure"), "plain HTTP on localhost must not mark the cookie Secure: " + cookie);
        for (HttpAnswer answer : List.of(signIn, client.page("index.xhtml"), client.get("api/health"))) {
            String csp = answer.header("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
            assertFalse(csp.contains("unsafe-inline"), csp);
            assertEquals("nosniff", answer.header("X-Content-Type-Options").orElse(""));
            assertEquals("DENY", answer.header("X-Frame-Options").orElse(""));
            assertTrue(answer.header("Referrer-Policy").isPresent());
        }
    }

    private static JsonObject newUser(String name) {
        return Json.createObjectBuilder().add("username", name).add("displayName", "Test " + name)
                .add("email", name + "@example.com").add("password", "initial-pass-phrase").add("role", "EMPLOYEE")
                .build();
    }
}
