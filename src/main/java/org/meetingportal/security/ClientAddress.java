package org.meetingportal.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request came from, as the server sees it. Behind a reverse proxy the server must be told to
 * trust the proxy's forwarding header (WildFly: {@code proxy-address-forwarding} on the listener), otherwise
 * every person appears to come from the proxy and shares one sign-in throttle.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
