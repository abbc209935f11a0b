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
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.DatabaseUnavailable;
import org.meetingportal.platform.FacesMessages;
import org.meetingportal.platform.LocalPaths;
import org.meetingportal.platform.Redirects;

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

    private String username;
    private String password;
    private String next;
    private boolean signedOut;

    /** Someone already signed in has nothing to do here. */
    public void load() throws IOException {
        if (currentUser.isSignedIn()) {
            redirect();
        } else if (signedOut) {
            FacesMessages.info("signIn.signedOut");
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
            case UNAVAILABLE -> {
                external.setResponseStatus(503);
                external.setResponseHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()));
                FacesMessages.error(DatabaseUnavailable.MESSAGE_KEY);
            }
        }
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

    public boolean isSignedOut() {
        return signedOut;
    }

    public void setSignedOut(boolean signedOut) {
        this.signedOut = signedOut;
    }
}
