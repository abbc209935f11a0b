package org.meetingportal.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The base of every absolute link the portal hands out (the copied meeting link, calendar files):
 * {@code PORTAL_PUBLIC_URL} when set. Otherwise the address and port the request's connection reached, never
 * the {@code Host} or {@code X-Forwarded-Host} header: servers take the server name from those, and a forged
 * one would end up in a file that people forward and open later.
 */
@Named
@ApplicationScoped
public class PublicUrl {

    private static final Logger LOG = Logger.getLogger(PublicUrl.class.getName());

    @Inject
    Configuration configuration;

    @Inject
    HttpServletRequest request;

    private Optional<String> configured;
    private volatile String lastSeen;

    /** Reads the setting at start, so that a malformed URL stops the deployment with its name. */
    void check(@Observes @Priority(StartupOrder.SCHEMA) @Initialized(ApplicationScoped.class) Object started) {
        configured = configuration.publicUrl();
        if (configured.isEmpty()) {
            LOG.info("Links: " + Configuration.PUBLIC_URL + " is not set, so links name the address the server was "
                    + "reached at; set it to the portal's public address (required behind a reverse proxy, and for"
                    + " the links in e-mail)");
        }
    }

    /** The base for links in the current request, without a trailing slash: {@code #{publicUrl.base}}. */
    public String getBase() {
        if (configured == null) {
            configured = configuration.publicUrl();
        }
        return base(configured, request.getScheme(), request.getLocalAddr(), request.getLocalPort(),
                request.getContextPath());
    }

    /**
     * The base for links in e-mail, which may be written outside any request (a reminder): the setting, else the
     * address of the current request, else of the last request that wrote one.
     */
    public String forMessages() {
        if (configured == null) {
            configured = configuration.publicUrl();
        }
        if (configured.isPresent()) {
            return configured.get();
        }
        try {
            lastSeen = getBase();
        } catch (RuntimeException noRequest) {
            if (lastSeen == null) {
                return "http://localhost:8080";
            }
        }
        return lastSeen;
    }

    /** An absolute link to {@code path} of the portal (starting with a slash). */
    public String link(String path) {
        return getBase() + path;
    }

    static String base(Optional<String> configured, String scheme, String localAddress, int localPort,
            String contextPath) {
        if (configured.isPresent()) {
            return configured.get();
        }
        String host = localAddress.contains(":") ? "[" + localAddress.replaceFirst("%.*$", "") + "]" : localAddress;
        boolean defaultPort = (scheme.equals("http") && localPort == 80) || (scheme.equals("https") && localPort == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + localPort) + contextPath;
    }
}
