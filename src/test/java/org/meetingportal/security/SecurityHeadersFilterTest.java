package org.meetingportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

    /** A request as the container sees it after mapping: servlet path and path info, already normalised. */
    private static HttpServletRequest request(String servletPath, String pathInfo, String requestUri) {
        return (HttpServletRequest) Proxy.newProxyInstance(SecurityHeadersFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getRequestURI" -> requestUri;
                    case "getContextPath" -> "";
                    case "isSecure" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Map<String, String> headersFor(HttpServletRequest request) throws Exception {
        Map<String, String> headers = new HashMap<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                SecurityHeadersFilterTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setHeader")) {
                        headers.put((String) args[0], (String) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        new SecurityHeadersFilter().doFilter(request, response, (req, res) -> { });
        return headers;
    }

    @Test
    void versionedVendorFilesMayBeCachedForAYear() throws Exception {
        Map<String, String> headers = headersFor(request("/vendor/trtc/5.17.1/trtc.js", null,
                "/vendor/trtc/5.17.1/trtc.js"));
        assertEquals("public, max-age=31536000, immutable", headers.get("Cache-Control"));
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("Accept-Encoding", headers.get("Vary"), "the SDK goes out gzipped or not");
    }

    @Test
    void pagesAndApiAnswersAreNeverStored() throws Exception {
        assertEquals("no-store", headersFor(request("/login.xhtml", null, "/login.xhtml")).get("Cache-Control"));
        assertEquals("no-store", headersFor(request("/api", "/me", "/api/me")).get("Cache-Control"));
        assertNull(headersFor(request("/login.xhtml", null, "/login.xhtml")).get("Vary"), "never compressed");
    }

    @Test
    void otherStaticResourcesGetNoCacheHeader() throws Exception {
        assertNull(headersFor(request("/resources/js/portal.js", null, "/resources/js/portal.js"))
                .get("Cache-Control"));
    }

    @Test
    void aPageReachedThroughAVendorLookingUriIsStillAPage() throws Exception {
        HttpServletRequest sneaky = request("/index.xhtml", null, "/vendor/..;/index.xhtml");
        assertEquals("no-store", headersFor(sneaky).get("Cache-Control"));
        assertFalse(SecurityHeadersFilter.isStaticResource(sneaky));
        assertTrue(SecurityHeadersFilter.isStaticResource(request("/vendor/trtc/5.17.1/trtc.js", null, "")));
    }

    @Test
    void formsMayLeadOnlyHereOrToTheCompanysProvider() {
        assertTrue(SecurityHeadersFilter.contentSecurityPolicy(Optional.empty()).contains("form-action 'self';"));
        String withProvider = SecurityHeadersFilter.contentSecurityPolicy(Optional.of(SecurityHeadersFilter.origin(
                URI.create("https://login.example.com:8443/realms/staff"))));
        assertTrue(withProvider.contains("form-action 'self' https://login.example.com:8443;"), withProvider);
        assertEquals("http://127.0.0.1:8091", SecurityHeadersFilter.origin(URI.create("http://127.0.0.1:8091/realms/x")));
        assertEquals("https://idp.example.com", SecurityHeadersFilter.origin(URI.create("https://idp.example.com/")));
    }
}
