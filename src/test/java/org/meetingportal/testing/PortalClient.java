package org.meetingportal.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser session against the portal, over plain HTTP: its own cookies, the CSRF token of its
 * sign-in, JSON calls to the API and Faces form posts like a browser sends them. Never follows redirects,
 * so tests see them.
 */
public final class PortalClient {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrfToken;
    private String lastPage = "";

    public PortalClient(URL base) {
        this(URI.create(base.toString()));
    }

    public PortalClient(URI base) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.http = HttpClient.newBuilder()
                .cookieHandler(new LoopbackAsSecure(cookies))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A client signed in through the API; fails the test if the sign-in does not succeed. */
    public static PortalClient signedIn(URL base, String username, String password) {
        return signedIn(URI.create(base.toString()), username, password);
    }

    public static PortalClient signedIn(URI base, String username, String password) {
        PortalClient client = new PortalClient(base);
        HttpAnswer answer = client.signIn(username, password);
        assertEquals(200, answer.status(), () -> "sign-in of " + username + ": " + answer);
        return client;
    }

    public HttpAnswer signIn(String username, String password) {
        HttpAnswer answer = send("POST", "api/session", Json.createObjectBuilder()
                .add("username", username).add("password", password).build().toString());
        if (answer.status() == 200) {
            csrfToken = answer.json().getString("csrfToken");
        }
        return answer;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** Uses the token of another client of the same session. */
    public void setCsrfToken(String token) {
        csrfToken = token;
    }

    public void forgetCsrfToken() {
        csrfToken = null;
    }

    /** The current session cookie's value, if any. */
    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst();
    }

    /** Replaces the session cookie, as an attacker replaying a stolen or planted one would. */
    public void useSessionId(String id) {
        cookies.getCookieStore().removeAll();
        HttpCookie cookie = new HttpCookie("JSESSIONID", id);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    /** Sets a cookie as the portal's own scripts would in a browser. */
    public void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    public HttpAnswer get(String path) {
        return send("GET", path, null);
    }

    public HttpAnswer post(String path, JsonObject body) {
        return send("POST", path, body == null ? null : body.toString());
    }

    public HttpAnswer put(String path, JsonObject body) {
        return send("PUT", path, body.toString());
    }

    public HttpAnswer delete(String path) {
        return send("DELETE", path, null);
    }

    /** A JSON call with the CSRF token when the client has one. */
    public HttpAnswer send(String method, String path, String jsonBody, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        request.header("Accept", "application/json");
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        if (jsonBody != null) {
            if (headers.length == 0 || !String.join(",", headers).contains("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(request.build());
    }

    /** Loads a page as a browser would (HTML accepted, in the given language). */
    public HttpAnswer page(String path, String language) {
        HttpAnswer answer = exchange(HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "text/html")
                .header("Accept-Language", language)
                .GET().build());
        lastPage = answer.body();
        return answer;
    }

    public HttpAnswer page(String path) {
        return page(path, "en");
    }

    /**
     * Submits a Faces form of the page loaded last, as its button {@code formId:submitId} would: the form's
     * own marker, the given fields (named without the form id) and the view state of that page.
     */
    public HttpAnswer submit(String path, String formId, String submitId, Map<String, String> fields) {
        Matcher viewState = VIEW_STATE.matcher(lastPage);
        if (!viewState.find()) {
            throw new AssertionError("no jakarta.faces.ViewState on the page loaded last");
        }
        return submitWithViewState(path, formId, submitId, fields, viewState.group(1).replace("&#58;", ":"));
    }

    /** Like {@link #submit} with a view state of the caller's choosing (or none), to test its protection. */
    public HttpAnswer submitWithViewState(String path, String formId, String submitId, Map<String, String> fields,
            String viewState) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        fields.forEach((name, value) -> form.put(formId + ":" + name, value));
        form.put(formId + ":" + submitId, "submit");
        if (viewState != null) {
            form.put("jakarta.faces.ViewState", viewState);
        }
        return postForm(path, form);
    }

    /** Posts a plain HTML form (a Faces form, the provider's sign-in form) to a path here or an address elsewhere. */
    public HttpAnswer postForm(String address, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpAnswer answer = exchange(HttpRequest.newBuilder(base.resolve(address))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        lastPage = answer.body();
        return answer;
    }

    /** Follows one redirect answer with a GET, as a browser does after a form post. */
    public HttpAnswer follow(HttpAnswer redirect) {
        String location = redirect.header("Location").orElseThrow(() -> new AssertionError("not a redirect: " + redirect));
        return page(base.resolve(location).toString());
    }

    private HttpAnswer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new HttpAnswer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- the admin API, for arranging tests ---

    public JsonObject createUser(String username, String role, String password) {
        HttpAnswer answer = post("api/users", Json.createObjectBuilder()
                .add("username", username).add("displayName", "Test " + username)
                .add("email", username + "@example.com").add("password", password).add("role", role).build());
        assertEquals(201, answer.status(), () -> "create " + username + ": " + answer);
        return answer.json();
    }

    /** Creates an account and takes it through its first sign-in and password change; returns the client. */
    public PortalClient createSignedInUser(String username, String role, String password) {
        createUser(username, role, "first-" + password);
        PortalClient user = signedIn(base, username, "first-" + password);
        HttpAnswer changed = user.post("api/me/password", Json.createObjectBuilder()
                .add("currentPassword", "first-" + password).add("newPassword", password).build());
        assertEquals(200, changed.status(), () -> "first password change of " + username + ": " + changed);
        return user;
    }

    /**
     * Sends {@code Secure} cookies to loopback addresses over plain HTTP, as browsers do (they count loopback
     * as a secure context); Keycloak's sign-in cookies are {@code Secure}, and Java's own handler would keep
     * them back.
     */
    private static final class LoopbackAsSecure extends CookieHandler {

        private final CookieHandler store;

        LoopbackAsSecure(CookieHandler store) {
            this.store = store;
        }

        private static URI asBrowserSees(URI uri) {
            String host = uri.getHost();
            boolean loopback = host != null && (host.startsWith("127.") || host.equals("localhost"));
            return loopback && "http".equalsIgnoreCase(uri.getScheme())
                    ? URI.create("https" + uri.toString().substring("http".length())) : uri;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return store.get(asBrowserSees(uri), headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            store.put(asBrowserSees(uri), headers);
        }
    }
}
