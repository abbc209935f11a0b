package org.meetingportal.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.meetingportal.provider.CompanySignIn;

/**
 * Browser protections on every response. The Content-Security-Policy allows scripts and styles only from
 * the portal itself: no inline script, no inline style, no other site. Faces 4.0 needs no relaxation as
 * long as pages use {@code h:commandButton} and plain forms, never {@code h:commandLink} or {@code f:ajax},
 * which render inline event handlers. The one exception is where the browser may connect: the TRTC Web SDK
 * talks to Tencent's signalling and scheduling hosts (those of Tencent's firewall guidance), and nowhere else.
 * <p>
 * Pages and API answers must not be cached; files under {@code /vendor/} have their version in the path
 * (see {@code Frontend}), so a path never changes content and browsers and proxies may keep it for a year.
 * <p>
 * An answer the authentication mechanism gives itself never reaches the filters; it calls {@link #protect}.
 */
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Tencent's TRTC hosts, over HTTPS and secure WebSocket only. */
    static final String TRTC_HOSTS = Stream.of("*.rtc.qcloud.com", "*.rtc.qq.com", "*.cloud-rtc.com",
            "*.cloud-rtc.net", "*.rtc-web.com", "*.rtc-web.io", "*.my-imcloud.com", "yun.tim.qq.com")
            .flatMap(host -> Stream.of("https://" + host, "wss://" + host))
            .collect(Collectors.joining(" "));

    /**
     * The policy, with the company's provider as the one other place a form may lead: signing out posts a
     * form whose answer sends the browser on to the provider's logout, and browsers hold redirects after a
     * form to {@code form-action}.
     */
    static String contentSecurityPolicy(Optional<String> providerOrigin) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self' " + TRTC_HOSTS,
                "media-src 'self' blob:",
                "worker-src 'self' blob:",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'" + providerOrigin.map(o -> " " + o).orElse(""),
                "frame-ancestors 'none'");
    }

    /** Set once at start from the settings, then read by every answer, the mechanism's own included. */
    private static volatile String policy = contentSecurityPolicy(Optional.empty());

    @Inject
    transient CompanySignIn companySignIn;

    static final String VENDOR = "/vendor/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Override
    public void init() {
        policy = contentSecurityPolicy(companySignIn.settings().map(settings -> origin(settings.issuer())));
    }

    /** scheme://host[:port] of an address, as a CSP source. */
    static String origin(URI address) {
        return address.getScheme() + "://" + address.getHost() + (address.getPort() == -1 ? "" : ":" + address.getPort());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        protect(request, response);
        chain.doFilter(request, response);
    }

    /** For answers the authentication mechanism gives itself, before any filter runs. */
    static void protect(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(self), microphone=(self), display-capture=(self), "
                + "geolocation=(), payment=(), usb=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (isStaticResource(request)) {
            // The servers gzip scripts and styles; a shared cache must keep both forms apart (Payara's
            // compression does not say so itself).
            response.setHeader("Vary", "Accept-Encoding");
        }
        if (path(request).startsWith(VENDOR)) {
            response.setHeader("Cache-Control", IMMUTABLE);
        } else if (!isStaticResource(request)) {
            // Pages and API answers are about one person; no shared or browser cache may keep them.
            response.setHeader("Cache-Control", "no-store");
        }
    }

    static boolean isStaticResource(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")
                || path.startsWith(VENDOR);
    }

    /**
     * The path the container serves, decoded and normalised: the raw request URI would let
     * {@code /vendor/..;/index.xhtml} pass for a vendor file and get a person's page cached as public.
     */
    static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }
}
