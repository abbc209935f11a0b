package org.meetingportal.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The company's provider of the tests: the Keycloak the build starts (src/test/keycloak), its realm "staff",
 * and what a test does there: sign a person in through Keycloak's own login form, and change a person as the
 * company's IT would (rename, disable, move between groups) through Keycloak's admin API.
 */
public final class TestProvider {

    public static final String ANN = "ann.lee";
    public static final String ANN_PASSWORD = "ann-staff-pass-phrase";
    public static final String BOB = "bob.chen";
    public static final String BOB_PASSWORD = "bob-staff-pass-phrase";

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestProvider() {
    }

    public static String url() {
        return TestPortal.setting("KEYCLOAK_URL");
    }

    /**
     * The portal at the address registered with the provider ({@code PORTAL_PUBLIC_URL}): the one a browser
     * must use, since the provider sends it back there and its session cookie belongs to that host.
     */
    public static URI portal() {
        return URI.create(TestPortal.setting("PORTAL_PUBLIC_URL"));
    }

    /**
     * Signs in through the provider as a browser does: the portal's button, Keycloak's login form, and back to
     * the portal's callback. Returns the portal's last answer (a redirect to where the person was going, or to
     * the sign-in page with why not).
     */
    public static HttpAnswer signIn(PortalClient browser, String username, String password) {
        HttpAnswer toProvider = browser.page("sign-in/provider?next=/index.xhtml");
        if (toProvider.status() != 302) {
            throw new AssertionError("the portal did not send the browser to the provider: " + toProvider);
        }
        HttpAnswer form = browser.follow(toProvider);
        if (form.status() == 302) {
            // Still signed in at the provider: it answers at once.
            return browser.follow(form);
        }
        return submitLoginForm(browser, form, username, password);
    }

    /** Fills in Keycloak's login form of {@code form} and follows the answer back to the portal. */
    public static HttpAnswer submitLoginForm(PortalClient browser, HttpAnswer form, String username, String password) {
        Matcher action = LOGIN_FORM.matcher(form.body());
        if (!action.find()) {
            throw new AssertionError("no Keycloak login form: " + form);
        }
        HttpAnswer back = browser.postForm(action.group(1).replace("&amp;", "&"),
                Map.of("username", username, "password", password, "credentialId", ""));
        if (back.status() != 302) {
            throw new AssertionError("Keycloak did not accept the sign-in: " + back.status() + " "
                    + back.body().replaceAll("(?s)<head.*</head>|<[^>]*>", " ").replaceAll("\\s+", " ").strip());
        }
        return browser.follow(back);
    }

    /** Whether an answer is Keycloak's own login form. */
    public static boolean isLoginForm(HttpAnswer answer) {
        return answer.status() == 200 && LOGIN_FORM.matcher(answer.body()).find();
    }

    /** A new person at the provider, with a password that does not expire, in the groups given. */
    public static void createUser(String username, String password, String firstName, String lastName,
            String... groups) {
        var groupPaths = Json.createArrayBuilder();
        for (String group : groups) {
            groupPaths.add("/" + group);
        }
        admin("POST", "/users", Json.createObjectBuilder().add("username", username).add("enabled", true)
                .add("email", username.replaceAll("[^a-z0-9.]", "") + "@staff.example").add("emailVerified", true)
                .add("firstName", firstName).add("lastName", lastName).add("groups", groupPaths)
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "password")
                        .add("value", password).add("temporary", false)))
                .build());
    }

    /** Changes a person of the realm: the fields given are set, the rest stay. */
    public static void updateUser(String username, JsonObject fields) {
        String id = userId(username);
        JsonObject current = admin("GET", "/users/" + id, null).asJsonObject();
        var merged = Json.createObjectBuilder(current);
        fields.forEach(merged::add);
        admin("PUT", "/users/" + id, merged.build());
    }

    public static void leaveGroup(String username, String group) {
        admin("DELETE", "/users/" + userId(username) + "/groups/" + groupId(group), null);
    }

    public static void joinGroup(String username, String group) {
        admin("PUT", "/users/" + userId(username) + "/groups/" + groupId(group), null);
    }

    private static String userId(String username) {
        return admin("GET", "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), null)
                .asJsonArray().getJsonObject(0).getString("id");
    }

    private static String groupId(String name) {
        return admin("GET", "/groups?search=" + URLEncoder.encode(name, StandardCharsets.UTF_8), null).asJsonArray()
                .stream().map(JsonValue::asJsonObject).filter(g -> g.getString("name").equals(name)).findFirst()
                .orElseThrow().getString("id");
    }

    private static JsonValue admin(String method, String path, JsonObject body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/admin/realms/staff" + path))
                .header("Authorization", "Bearer " + adminToken()).timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> answer = send(request.build());
        if (answer.statusCode() >= 300) {
            throw new AssertionError("Keycloak's admin API answered " + answer.statusCode() + " to " + method + " "
                    + path + ": " + answer.body());
        }
        return answer.body().isBlank() ? JsonValue.NULL : Json.createReader(new StringReader(answer.body())).readValue();
    }

    private static String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "keycloak-test-admin"),
                        StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (answer.statusCode() != 200) {
            throw new AssertionError("no admin token from Keycloak: " + answer.statusCode() + " " + answer.body());
        }
        return Json.createReader(new StringReader(answer.body())).readObject().getString("access_token");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
