package org.meetingportal.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.meetingportal.account.AccountService;
import org.meetingportal.account.ProviderSignInResult;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.DatabaseUnavailable;
import org.meetingportal.platform.LocalPaths;
import org.meetingportal.platform.Messages;
import org.meetingportal.platform.PublicUrl;
import org.meetingportal.platform.SecurityLog;
import org.meetingportal.provider.CompanySignIn;
import org.meetingportal.provider.OidcClient;
import org.meetingportal.provider.PendingSignIn;
import org.meetingportal.provider.ProviderException;
import org.meetingportal.provider.ProviderIdentity;

/**
 * Sign-in through the company's provider: {@code /sign-in/provider} sends the browser to the provider, and
 * the provider sends it back to {@code /sign-in/provider/callback}, where the portal checks the answer,
 * finds or makes the account and starts the session. Whatever goes wrong ends on the sign-in page with a
 * message that says what to do, and a security event; never an error page.
 */
@WebServlet({ProviderSignInServlet.START, ProviderSignInServlet.CALLBACK})
public class ProviderSignInServlet extends HttpServlet {

    static final String START = "/sign-in/provider";
    static final String CALLBACK = "/sign-in/provider/callback";

    private static final String PENDING = PendingSignIn.class.getName();
    private static final Logger LOG = Logger.getLogger(ProviderSignInServlet.class.getName());

    @Inject
    CompanySignIn companySignIn;

    @Inject
    AccountService accounts;

    @Inject
    Configuration configuration;

    @Inject
    PublicUrl publicUrl;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<OidcClient> client = companySignIn.client();
        if (client.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        URI callback = URI.create(publicUrl.link(CALLBACK));
        if (START.equals(request.getServletPath())) {
            start(request, response, client.get(), callback);
        } else {
            finish(request, response, client.get(), callback);
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response, OidcClient client, URI callback)
            throws IOException {
        String next = request.getParameter("next");
        OidcClient.Start start;
        try {
            start = client.start(callback, LocalPaths.isLocal(next) ? next : "/index.xhtml");
        } catch (ProviderException e) {
            failed(request, response, e.reason().name(), e.getMessage());
            return;
        }
        request.getSession(true).setAttribute(PENDING, start.pending());
        response.sendRedirect(start.authorization().toString());
    }

    private void finish(HttpServletRequest request, HttpServletResponse response, OidcClient client, URI callback)
            throws IOException {
        HttpSession session = request.getSession(false);
        PendingSignIn pending = session == null ? null : (PendingSignIn) session.getAttribute(PENDING);
        if (session != null) {
            // One answer per sign-in: a replayed callback finds nothing pending.
            session.removeAttribute(PENDING);
        }
        String query = request.getQueryString();
        ProviderIdentity who;
        try {
            who = client.finish(URI.create(callback + (query == null ? "" : "?" + query)), callback, pending);
        } catch (ProviderException e) {
            failed(request, response, e.reason().name(), e.getMessage());
            return;
        } catch (IllegalArgumentException malformed) {
            failed(request, response, ProviderException.Reason.INVALID.name(), "the callback address is malformed");
            return;
        }
        ProviderSignInResult result;
        try {
            result = signIn(who);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCauseOf(e)) {
                throw e;
            }
            failed(request, response, "UNAVAILABLE", "the database cannot be reached");
            return;
        }
        if (result instanceof ProviderSignInResult.Refused refused) {
            failed(request, response, refused.why().name(), "refused for " + refused.username());
            return;
        }
        ProviderSignInResult.SignedIn signedIn = (ProviderSignInResult.SignedIn) result;
        // The language a browser asks for; a client that names none (a script) leaves the last one as it was.
        if (request.getHeader("Accept-Language") != null) {
            accounts.speaks(signedIn.account().username(), Messages.spoken(Collections.list(request.getLocales())));
        }
        Sessions.start(request, signedIn.account(), clock.instant(), configuration.sessionIdleMinutes(), who.tokens());
        SecurityLog.event("authn_login_success", "user", signedIn.account().username(), "address",
                clientAddress.of(request), "via", "provider");
        response.sendRedirect(request.getContextPath() + pending.next());
    }

    /**
     * Two first sign-ins of one person at once (two tabs) both make the account; the one that loses finds the
     * other's.
     */
    private ProviderSignInResult signIn(ProviderIdentity who) {
        try {
            return accounts.signInFromProvider(who.issuer(), who.subject(), who.preferredUsername(),
                    who.displayName(), who.email(), companySignIn.roleOf(who));
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCauseOf(e)) {
                throw e;
            }
            LOG.log(Level.FINE, "a sign-in through the provider met another one of the same person", e);
            return accounts.signInFromProvider(who.issuer(), who.subject(), who.preferredUsername(),
                    who.displayName(), who.email(), companySignIn.roleOf(who));
        }
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, String reason, String detail)
            throws IOException {
        SecurityLog.event("authn_provider_fail", "reason", reason.toLowerCase(Locale.ROOT), "address",
                clientAddress.of(request), "detail", detail);
        response.sendRedirect(request.getContextPath() + "/login.xhtml?provider="
                + reason.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
