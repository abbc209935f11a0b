package org.meetingportal.security;

import java.net.URI;

/**
 * Whether a browser request comes from another site's page, by what browsers say about it: Sec-Fetch-Site
 * where they send it, else the Origin against the Host the request was sent to. Used wherever a cookie alone
 * would otherwise carry another site's request: the API's state-changing calls and the call socket's handshake.
 */
public final class CrossSite {

    private CrossSite() {
    }

    public static boolean isCrossSite(String fetchSite, String origin, String host) {
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return true;
        }
        if (origin == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host == null || uri.getHost() == null || !sameHost(originHost, host, uri.getScheme());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static boolean sameHost(String originHost, String host, String scheme) {
        if (originHost.equalsIgnoreCase(host)) {
            return true;
        }
        String defaultPort = "https".equals(scheme) ? ":443" : ":80";
        return (originHost + defaultPort).equalsIgnoreCase(host) || originHost.equalsIgnoreCase(host + defaultPort);
    }
}
