package org.meetingportal.call;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.meetingportal.account.Account;
import org.meetingportal.platform.SecurityLog;
import org.meetingportal.security.ClientAddress;
import org.meetingportal.security.CrossSite;
import org.meetingportal.account.CurrentUser;

/**
 * Refuses the WebSocket handshake before the upgrade for anyone not signed in (or disabled), and for
 * pages of another site: browsers send the session cookie with a cross-site WebSocket handshake, and only
 * the Origin header tells such a hijack apart.
 */
@WebFilter(filterName = "callSocketGate", urlPatterns = "/ws/*")
public class CallSocketGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean signedIn = CurrentUser.of(request).filter(Account::enabled).isPresent()
                && request.getUserPrincipal() != null;
        if (!signedIn) {
            SecurityLog.event("authn_fail", "call", "websocket handshake without a sign-in", "address",
                    clientAddress.of(request));
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (CrossSite.isCrossSite(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"),
                request.getHeader("Host"))) {
            SecurityLog.event("authz_fail", "user", request.getUserPrincipal().getName(), "call",
                    "websocket handshake from " + request.getHeader("Origin"), "address", clientAddress.of(request));
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
