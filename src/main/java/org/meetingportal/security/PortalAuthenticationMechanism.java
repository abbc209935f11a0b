package org.meetingportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountService;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.DatabaseUnavailable;
import org.meetingportal.platform.DatabaseUnavailableAnswer;
import org.meetingportal.platform.Messages;
import org.meetingportal.platform.SecurityLog;
import org.meetingportal.provider.CompanySignIn;

/**
 * The portal's one way of knowing who is asking, for pages and API alike.
 * <ul>
 * <li>A sign-in (the login page or {@code POST /api/session} calling {@code SecurityContext.authenticate})
 * is checked against the throttle, then the identity store, and starts a session under a new id.</li>
 * <li>Every other request is recognised by its session, which is checked against the account on each
 * request: a disabled account, a password changed elsewhere or a session past its absolute limit ends it;
 * so does the company's provider, asked once its token has expired, when it no longer vouches for the
 * person ({@link ProviderSessions}). A sign-in through the provider starts at {@link ProviderSignInServlet}.</li>
 * <li>Anonymous requests for a protected page are sent to the login page; the API answers them itself.</li>
 * <li>While the database cannot be reached, nobody can be recognised or signed in: requests are answered
 * 503 ({@link DatabaseUnavailableAnswer}), sign-ins end as {@link SignInOutcome.Result#UNAVAILABLE}.</li>
 * </ul>
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(PortalAuthenticationMechanism.class.getName());

    @Inject
    ClientAddress clientAddress;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    PasswordAttempts passwordAttempts;

    @Inject
    AccountService accounts;

    @Inject
    Configuration configuration;

    @Inject
    Clock clock;

    @Inject
    SessionCheck sessionCheck;

    @Inject
    CompanySignIn companySignIn;

    @Inject
    ProviderSessions providerSessions;

    @Inject
    GuestDoor guests;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential login) {
            try {
                return signIn(request, response, context, login);
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.isCauseOf(e)) {
                    throw e;
                }
                LOG.warning(() -> "The database cannot be reached; a sign-in is answered 503: " + e);
                SecurityLog.event("authn_login_unavailable", "user", login.getCaller(), "address",
                        clientAddress.of(request));
                SignInOutcome.record(request, new SignInOutcome(SignInOutcome.Result.UNAVAILABLE,
                        Duration.ofSeconds(DatabaseUnavailable.RETRY_AFTER_SECONDS)));
                return AuthenticationStatus.SEND_FAILURE;
            }
        }
        Optional<Account> account;
        try {
            account = sessionAccountOnAFreshConnection(request);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCauseOf(e)) {
                throw e;
            }
            if (SecurityHeadersFilter.isStaticResource(request)) {
                // Open to anyone anyway; the page that says the database is away needs its styles and scripts.
                return context.doNothing();
            }
            // Who is asking cannot be known; the session stays, so they are still signed in once it is back.
            LOG.warning(() -> "The database cannot be reached; " + request.getMethod() + " " + request.getServletPath()
                    + " is answered 503: " + e);
            SecurityHeadersFilter.protect(request, response);
            return context.forward(DatabaseUnavailableAnswer.PATH);
        }
        if (account.isPresent()) {
            CurrentUser.attach(request, account.get());
            return context.notifyContainerAboutLogin(account.get().username(), Set.of(account.get().role().name()));
        }
        // Only a page request is sent to the login page. A programmatic authenticate() without a credential
        // (Payara's JAX-RS role filter makes one for every annotated resource) just learns nobody is there.
        if (context.isProtected() && !context.isAuthenticationRequest()) {
            if (GuestScope.ROOM_PAGE.equals(request.getServletPath())) {
                // A guest whose pass has ended has no sign-in page to go to, only the page that says so.
                return context.redirect(request.getContextPath() + "/guest.xhtml?left=true");
            }
            return context.redirect(loginPage(request));
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, UsernamePasswordCredential login) {
        String username = login.getCaller();
        String address = clientAddress.of(request);
        PasswordAttempts.Attempt attempt = passwordAttempts.of(username, request);
        Optional<Duration> pause = attempt.pause("login");
        if (pause.isPresent()) {
            SignInOutcome.record(request, new SignInOutcome(SignInOutcome.Result.LOCKED, pause.get()));
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStores.validate(login);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            SecurityLog.event("authn_login_fail", "user", username, "address", address);
            attempt.failed();
            SignInOutcome.record(request, new SignInOutcome(SignInOutcome.Result.REFUSED, null));
            return AuthenticationStatus.SEND_FAILURE;
        }
        Account account = accounts.account(username).orElseThrow();
        if (!companySignIn.allowsPassword(account.role())) {
            // The password was right, but the settings send this account to the company's provider.
            SecurityLog.event("authn_login_provider_only", "user", username, "address", address);
            SignInOutcome.record(request, new SignInOutcome(SignInOutcome.Result.PROVIDER_ONLY, null));
            return AuthenticationStatus.SEND_FAILURE;
        }
        attempt.succeeded(request, response);
        // The language a browser asks for; a client that names none (a script) leaves the last one as it was.
        if (request.getHeader("Accept-Language") != null) {
            accounts.speaks(username, Messages.spoken(Collections.list(request.getLocales())));
        }
        Sessions.start(request, account, clock.instant(), configuration.sessionIdleMinutes());
        CurrentUser.attach(request, account);
        SecurityLog.event("authn_login_success", "user", username, "address", address);
        SignInOutcome.record(request, new SignInOutcome(SignInOutcome.Result.SIGNED_IN, null));
        return context.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
    }

    /**
     * The first read of nearly every request: when the pool has just failed the connection it handed out (the
     * database restarted, or its connections were killed), it is asked once more on a fresh one, so that a cut
     * nobody can see coming is not answered with an error.
     */
    private Optional<Account> sessionAccountOnAFreshConnection(HttpServletRequest request) {
        try {
            return sessionAccount(request);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.mayBeACutConnection(e)) {
                throw e;
            }
            LOG.fine(() -> "a session's account is read again after a failed connection: " + e);
            return sessionAccount(request);
        }
    }

    /** The account of a valid signed-in session, or empty after ending a session that is no longer valid. */
    private Optional<Account> sessionAccount(HttpServletRequest request) {
        Optional<SignedInUser> signedIn = Sessions.signedIn(request);
        if (signedIn.isEmpty()) {
            return Optional.empty();
        }
        SignedInUser user = signedIn.get();
        if (user.isGuest()) {
            return guestAccount(request, user);
        }
        Optional<Account> account = sessionCheck.account(user, () -> accounts.account(user.username()))
                .filter(a -> providerSessions.stillVouchedFor(request, user));
        if (account.isEmpty()) {
            Sessions.end(request);
        }
        return account;
    }

    /**
     * A guest counts only within {@link GuestScope}, and only while their pass lets them in: once it does not,
     * their session ends.
     */
    private Optional<Account> guestAccount(HttpServletRequest request, SignedInUser user) {
        if (!GuestScope.covers(request, user.guest().meetingId())) {
            return Optional.empty();
        }
        Optional<Account> guest = user.expiredAt(clock.instant(), Duration.ofHours(configuration.sessionMaxHours()))
                ? Optional.empty() : guests.welcome(user.username(), user.guest());
        if (guest.isEmpty()) {
            SecurityLog.event("guest_session_ended", "user", user.username(), "meeting", user.guest().meetingId());
            Sessions.end(request);
        }
        return guest;
    }

    private static String loginPage(HttpServletRequest request) {
        String login = request.getContextPath() + "/login.xhtml";
        if (!"GET".equals(request.getMethod())) {
            return login;
        }
        String target = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            target += "?" + request.getQueryString();
        }
        return login + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }
}
