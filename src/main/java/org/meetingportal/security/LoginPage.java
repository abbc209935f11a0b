package org.meetingportal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.DatabaseUnavailable;
import org.meetingportal.platform.FacesMessages;
import org.meetingportal.platform.LocalPaths;
import org.meetingportal.platform.Redirects;
import org.meetingportal.provider.CompanySignIn;
import org.meetingportal.provider.ProviderSettings;

/** {@code /login.xhtml}: signs a person in and takes them where they were going. */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    CurrentUser currentUser;

    @Inject
    CompanySignIn companySignIn;

    /** The failures {@link ProviderSignInServlet} sends back here, each with a message of its own. */
    private static final Set<String> PROVIDER_FAILURES = Set.of("unavailable", "refused", "stale",
            "invalid", "disabled", "name-unusable", "name-taken");

    private String username;
    private String password;
    private String next;
    private boolean signedOut;
    private String provider;

    /** Someone already signed in has nothing to do here. */
    public void load() throws IOException {
        if (currentUser.isSignedIn()) {
            redirect();
        } else if (signedOut) {
            FacesMessages.info("signIn.signedOut");
        } else if (provider != null && PROVIDER_FAILURES.contains(provider)) {
            FacesMessages.error("signIn.provider." + provider, getProviderName());
        }
    }

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        UsernamePasswordCredential credential = new UsernamePasswordCredential(
                username == null ? "" : username.strip(), new Password(password == null ? "" : password));
        security.authenticate(request, response,
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        password = null;
        SignInOutcome outcome = SignInOutcome.of(request);
        switch (outcome.result()) {
            case SIGNED_IN -> redirect();
            case LOCKED -> {
                external.setResponseStatus(429);
                external.setResponseHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()));
                PasswordAttempts.Wait wait = PasswordAttempts.Wait.of("signIn.locked", outcome.retryAfterSeconds());
                FacesMessages.error(wait.key(), wait.amount());
            }
            case REFUSED -> FacesMessages.error("signIn.failed");
            case PROVIDER_ONLY -> {
                external.setResponseStatus(403);
                FacesMessages.error("signIn.providerOnly", getProviderName());
            }
            case UNAVAILABLE -> {
                external.setResponseStatus(503);
                external.setResponseHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()));
                FacesMessages.error(DatabaseUnavailable.MESSAGE_KEY);
            }
        }
    }

    /** Whether the page offers "Sign in with" the company's provider. */
    public boolean isProviderOffered() {
        return companySignIn.settings().isPresent();
    }

    /** What the provider's button calls its accounts. */
    public String getProviderName() {
        return companySignIn.settings().map(ProviderSettings::name).orElse("");
    }

    /** Whether anyone may still sign in with a portal password; the break-glass form is hidden otherwise. */
    public boolean isPasswordOffered() {
        return companySignIn.localSignIn() != ProviderSettings.LocalSignIn.OFF;
    }

    /** Where the provider's button starts, carrying where the person was going. */
    public String getProviderStart() {
        return ProviderSignInServlet.START + (LocalPaths.isLocal(next)
                ? "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : "");
    }

    private void redirect() throws IOException {
        Redirects.to(LocalPaths.isLocal(next) ? next : "/index.xhtml");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getProvider() {
        return provider;
    }

    /** Why a sign-in through the provider came back here ({@code ?provider=}); anything else is ignored. */
    public void setProvider(String provider) {
        this.provider = provider;
    }

    public boolean isSignedOut() {
        return signedOut;
    }

    public void setSignedOut(boolean signedOut) {
        this.signedOut = signedOut;
    }
}
