package org.meetingportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;
import org.meetingportal.testing.TestProvider;

/**
 * Sign-in through the company's provider, a real one (Keycloak, with its own login form), from outside:
 * the account made at the first sign-in and following the provider after, the role from the provider's
 * groups, the portal's own say (disabled stays disabled, a name is never merged), sign-out ending both
 * sessions, the provider's "no" reaching the portal once the access token expires, and callbacks that were
 * tampered with. Runs in the two H2 runs, whose servers are configured for the provider.
 */
class CompanySignInIT extends PortalIT {

    /** A person the company's IT has just created, with a username of the given prefix. */
    private String newStaff(String prefix, String... groups) {
        String username = TestPortal.uniqueName(prefix) + ".x";
        TestProvider.createUser(username, "staff-pass-phrase-" + prefix, "First" + prefix, "Last", groups);
        return username;
    }

    private static String portalName(String providerName) {
        return providerName.replace('.', '_');
    }

    /** Signs in through the provider and returns the client, now holding the portal's session and token. */
    private PortalClient signedInThroughProvider(String username, String password) {
        PortalClient browser = new PortalClient(TestProvider.portal());
        HttpAnswer landed = TestProvider.signIn(browser, username, password);
        assertEquals(302, landed.status(), landed::toString);
        assertEquals(TestProvider.portal().getPath() + "index.xhtml",
                URI.create(landed.header("Location").orElseThrow()).getPath(), "back where the person was going");
        HttpAnswer me = browser.get("api/me");
        assertEquals(200, me.status(), me::toString);
        browser.setCsrfToken(me.json().getString("csrfToken"));
        return browser;
    }

    @Test
    void theFirstSignInMakesTheAccountWithTheRoleOfTheProvidersGroups() {
        String employee = newStaff("emp");
        String chief = newStaff("chief", "portal-admins");

        JsonObject me = signedInThroughProvider(employee, "staff-pass-phrase-emp").get("api/me").json();
        assertEquals(portalName(employee), me.getString("username"), "preferred_username made a userId");
        assertEquals("Firstemp Last", me.getString("displayName"));
        assertEquals("EMPLOYEE", me.getString("role"));
        assertFalse(me.getBoolean("mustChangePassword"));

        assertEquals("ADMIN", signedInThroughProvider(chief, "staff-pass-phrase-chief").get("api/me").json()
                .getString("role"), "a member of PORTAL_OIDC_ADMIN_GROUP");

        // The API as for anyone else: the session's CSRF token, and credentials for a meeting they are in.
        PortalClient signedIn = signedInThroughProvider(employee, "staff-pass-phrase-emp");
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        HttpAnswer meeting = admin().post("api/meetings", Json.createObjectBuilder().add("title", "Staff " + employee)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofMinutes(30)).toString())
                .add("timeZone", "UTC").add("attendees", Json.createArrayBuilder().add(portalName(employee))).build());
        assertEquals(201, meeting.status(), meeting::toString);
        String credentials = "api/meetings/" + meeting.json().getJsonNumber("id").longValue() + "/credentials";
        HttpAnswer credential = signedIn.post(credentials, null);
        assertEquals(200, credential.status(), credential::toString);
        assertEquals(portalName(employee), credential.json().getString("userId"), "the userId the portal made");
        signedIn.forgetCsrfToken();
        assertEquals(403, signedIn.post(credentials, null).status(), "no CSRF token, no credential");

        JsonObject account = admin().get("api/users/" + portalName(employee)).json();
        assertTrue(account.getBoolean("fromProvider"));
        assertTrue(TestPortal.serverLog().contains("security_event=user_created by=\"provider\" user=\""
                + portalName(employee) + "\""), "the new account in the security log");
    }

    @Test
    void laterSignInsFollowTheProviderAndAProviderAccountHasNoPassword() {
        String username = newStaff("move", "portal-admins");
        PortalClient first = signedInThroughProvider(username, "staff-pass-phrase-move");
        assertEquals("ADMIN", first.get("api/me").json().getString("role"));

        TestProvider.updateUser(username, Json.createObjectBuilder().add("firstName", "Renamed").build());
        TestProvider.leaveGroup(username, "portal-admins");
        PortalClient again = signedInThroughProvider(username, "staff-pass-phrase-move");
        JsonObject me = again.get("api/me").json();
        assertEquals("Renamed Last", me.getString("displayName"));
        assertEquals("EMPLOYEE", me.getString("role"), "no longer in the admin group");
        assertEquals(401, first.get("api/me").status(), "the role change ended the older session");

        String account = again.page("account.xhtml").body();
        assertTrue(account.contains("id=\"provider-account\"") && !account.contains("password:current"),
                "the password page says there is none here, and offers no form");
        HttpAnswer password = again.post("api/me/password", Json.createObjectBuilder()
                .add("currentPassword", "staff-pass-phrase-move").add("newPassword", "a-portal-pass-phrase").build());
        assertEquals(400, password.status(), password::toString);
        assertEquals(401, new PortalClient(TestProvider.portal()).signIn(portalName(username), "staff-pass-phrase-move").status(),
                "the provider's password is not a portal password");
        HttpAnswer reset = admin().post("api/users/" + portalName(username) + "/password",
                Json.createObjectBuilder().add("password", "temporary-pass-phrase-1").build());
        assertEquals(400, reset.status(), "an admin cannot give a provider account a password: " + reset);
    }

    @Test
    void anAccountDisabledInThePortalStaysDisabledWhateverTheProviderSays() {
        String username = newStaff("off");
        signedInThroughProvider(username, "staff-pass-phrase-off");
        PortalClient admin = admin();
        assertEquals(200, admin.post("api/users/" + portalName(username) + "/disable", null).status());

        HttpAnswer refused = TestProvider.signIn(new PortalClient(TestProvider.portal()), username, "staff-pass-phrase-off");
        assertEquals(302, refused.status());
        assertTrue(refused.header("Location").orElseThrow().endsWith("/login.xhtml?provider=disabled"),
                refused::toString);
        assertTrue(TestPortal.serverLog().contains("authn_provider_fail reason=\"disabled\""));
    }

    @Test
    void aNameAnotherAccountHasIsNeverMerged() {
        String username = TestPortal.uniqueName("twin") + ".x";
        admin().createUser(portalName(username), "EMPLOYEE", "local-twin-pass-phrase");
        TestProvider.createUser(username, "staff-pass-phrase-twin", "Twin", "Provider");
        HttpAnswer refused = TestProvider.signIn(new PortalClient(TestProvider.portal()), username, "staff-pass-phrase-twin");
        assertTrue(refused.header("Location").orElseThrow().endsWith("/login.xhtml?provider=name-taken"),
                refused::toString);
        assertFalse(admin().get("api/users/" + portalName(username)).json().getBoolean("fromProvider"),
                "the local account is untouched");
    }

    @Test
    void signingOutEndsThePortalsSessionAndTheProviders() {
        String username = newStaff("bye");
        PortalClient browser = signedInThroughProvider(username, "staff-pass-phrase-bye");
        HttpAnswer signedOut = browser.delete("api/session");
        assertEquals(200, signedOut.status(), signedOut::toString);
        String logout = signedOut.json().getString("logoutUrl");
        assertTrue(logout.startsWith(TestProvider.url()), logout);
        assertEquals(401, browser.get("api/me").status());

        HttpAnswer atProvider = browser.page(logout);
        assertEquals(302, atProvider.status(), "Keycloak ends its session and sends the browser back: " + atProvider);
        assertTrue(atProvider.header("Location").orElseThrow().contains("/login.xhtml?signedOut=true"));
        HttpAnswer toProvider = browser.follow(browser.page("sign-in/provider?next=/index.xhtml"));
        assertTrue(TestProvider.isLoginForm(toProvider), "signed out at the provider too: its login form again");
    }

    @Test
    void aPersonDisabledAtTheProviderIsSignedOutOnceTheAccessTokenExpires() throws InterruptedException {
        String username = newStaff("gone");
        PortalClient browser = signedInThroughProvider(username, "staff-pass-phrase-gone");
        TestProvider.updateUser(username, Json.createObjectBuilder().add("enabled", false).build());
        assertEquals(200, browser.get("api/me").status(), "the access token still holds");
        // The realm's access tokens last 15 s (staff-realm.json).
        Thread.sleep(Duration.ofSeconds(17).toMillis());
        assertEquals(401, browser.get("api/me").status(), "the provider refused to refresh the sign-in");
        assertTrue(TestPortal.serverLog().contains("session_revoked user=\"" + portalName(username)
                + "\" by=\"provider\""));
    }

    @Test
    void tamperedCallbacksEndOnTheSignInPageNeverInAnError() {
        PortalClient browser = new PortalClient(TestProvider.portal());
        HttpAnswer nothingPending = browser.page("sign-in/provider/callback?code=x&state=y");
        assertEquals(302, nothingPending.status());
        assertTrue(nothingPending.header("Location").orElseThrow().endsWith("/login.xhtml?provider=stale"));

        HttpAnswer wrongState = browser.page("sign-in/provider/callback?code=forged&state="
                + stateOf(browser.page("sign-in/provider?next=/index.xhtml")) + "x");
        assertTrue(wrongState.header("Location").orElseThrow().endsWith("/login.xhtml?provider=stale"));

        String state = stateOf(browser.page("sign-in/provider?next=/index.xhtml"));
        HttpAnswer forgedCode = browser.page("sign-in/provider/callback?code=forged&state=" + state);
        assertTrue(forgedCode.header("Location").orElseThrow().endsWith("/login.xhtml?provider=refused"),
                forgedCode::toString);

        String garbage = rawStatusLine("sign-in/provider/callback?%zz=%&state=%");
        assertTrue(garbage.matches("HTTP/1\\.1 [234]\\d\\d .*"), garbage);
        for (String why : new String[] {"refused", "unavailable", "invalid", "stale", "name-taken"}) {
            HttpAnswer page = browser.page("login.xhtml?provider=" + why);
            assertEquals(200, page.status(), why);
            assertTrue(page.body().contains("class=\"message error\""), "a message that says what to do: " + why);
        }
        assertTrue(browser.page("login.xhtml?provider=unavailable").body().contains("Staff account cannot be reached"));
    }

    /** The status line of a GET of a target no URI class would build, written on the socket itself. */
    private String rawStatusLine(String target) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + base.getPath() + target + " HTTP/1.1\r\nHost: " + base.getHost()
                    + ":" + base.getPort() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state of the sign-in a redirect to the provider starts. */
    private static String stateOf(HttpAnswer toProvider) {
        return URI.create(toProvider.header("Location").orElseThrow()).getRawQuery()
                .replaceAll(".*(?:^|&)state=([^&]*).*", "$1");
    }

    @Test
    void theSignInPageOffersTheProviderFirstAndPortalPasswordsStillWork() {
        HttpAnswer page = new PortalClient(TestProvider.portal()).page("login.xhtml");
        assertTrue(page.body().contains("Sign in with Staff account"), "the provider's button");
        assertTrue(page.body().indexOf("sign-in/provider") < page.body().indexOf("login:username"),
                "the provider comes first");
        assertEquals(200, new PortalClient(TestProvider.portal()).signIn("admin", TestPortal.adminPassword()).status(),
                "the local break-glass admin");
    }
}
