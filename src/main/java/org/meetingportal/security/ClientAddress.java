package org.meetingportal.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.IpAddresses;
import org.meetingportal.platform.StartupOrder;

/**
 * The address a request came from, for sign-in throttling, the credential audit and security events.
 *
 * <p>Behind a reverse proxy every request comes from the proxy, and one throttle would then lock everybody
 * out. The server can be told to trust the proxy's forwarding header (WildFly: {@code proxy-address-forwarding}),
 * or the portal can: a request from an address in {@code PORTAL_TRUSTED_PROXIES} is taken to come from the
 * right-most address in its {@code X-Forwarded-For} that is not itself a trusted proxy. Entries further left
 * are whatever the client claimed and are never believed.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    Configuration configuration;

    private Set<String> trustedProxies;

    /** Reads the setting at start, so that a mistyped address stops the deployment with its name. */
    void check(@Observes @Priority(StartupOrder.SCHEMA) @Initialized(ApplicationScoped.class) Object started) {
        proxies();
    }

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"), proxies());
    }

    static String resolve(String remote, Enumeration<String> forwardedFor, Set<String> trusted) {
        String client = IpAddresses.normalize(remote).orElse(remote);
        if (!trusted.contains(client) || forwardedFor == null) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.asIterator().forEachRemaining(header -> {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        });
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> hop = IpAddresses.normalize(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            if (!trusted.contains(hop.get())) {
                return hop.get();
            }
            client = hop.get();
        }
        return client;
    }

    private Set<String> proxies() {
        if (trustedProxies == null) {
            trustedProxies = configuration.trustedProxies();
        }
        return trustedProxies;
    }
}
