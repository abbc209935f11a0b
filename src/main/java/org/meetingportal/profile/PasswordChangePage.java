package org.meetingportal.profile;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.meetingportal.account.Account;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FacesMessages;
import org.meetingportal.platform.FieldProblem;
import org.meetingportal.platform.RetryLaterException;
import org.meetingportal.security.PasswordAttempts;
import org.meetingportal.security.Sessions;
import org.meetingportal.platform.Redirects;

/** The password part of {@code /account.xhtml}: proves the current password, sets a new one. */
@Named
@RequestScoped
public class PasswordChangePage {

    @Inject
    PasswordAttempts passwordAttempts;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    private String currentPassword;
    private String newPassword;
    private String repeatedPassword;

    public void change() throws IOException {
        try {
            if (newPassword == null || !newPassword.equals(repeatedPassword)) {
                FacesMessages.show(DomainException.invalid(
                        List.of(new FieldProblem("repeatedPassword", "account.password.mismatch"))), fieldIds());
                return;
            }
            ExternalContext external = faces.getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            Account account = passwordAttempts.changeOwnPassword(request, currentUser.username(), currentPassword,
                    newPassword);
            Sessions.adopt(request, account);
            CurrentUser.attach(request, account);
            FacesMessages.flashInfo("account.password.changed");
            Redirects.to("/index.xhtml");
        } catch (RetryLaterException e) {
            faces.getExternalContext().setResponseStatus(429);
            faces.getExternalContext().setResponseHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            FacesMessages.show(e, fieldIds());
        } catch (DomainException e) {
            FacesMessages.show(e, fieldIds());
        } finally {
            currentPassword = null;
            newPassword = null;
            repeatedPassword = null;
        }
    }

    private static Map<String, String> fieldIds() {
        return Map.of("currentPassword", "password:current", "newPassword", "password:new",
                "repeatedPassword", "password:repeated");
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatedPassword() {
        return repeatedPassword;
    }

    public void setRepeatedPassword(String repeatedPassword) {
        this.repeatedPassword = repeatedPassword;
    }
}
