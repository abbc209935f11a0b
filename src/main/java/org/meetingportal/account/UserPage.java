package org.meetingportal.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FacesMessages;
import org.meetingportal.platform.Redirects;

/** {@code /admin/user.xhtml?username=}: edit one account, disable or enable it, reset its password. */
@Named
@ViewScoped
public class UserPage extends AccountFormFields {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    AdminOnly admins;

    /** Display data, not kept with the view: a view restored elsewhere (another node, after a restart) reads it again. */
    private transient UserView user;
    private long version;
    private String temporaryPassword;

    /** Unknown usernames get the not-found page, like anything else that does not exist. */
    public void load() throws IOException {
        if (!admins.page()) {
            return;
        }
        try {
            show(accounts.find(username));
        } catch (DomainException e) {
            FacesMessages.notFound();
        }
    }

    public void save() throws IOException {
        act(() -> accounts.update(username, new UserChanges(displayName, email, role, version), currentUser.username()),
                "admin.user.saved");
    }

    public void disable() throws IOException {
        act(() -> accounts.disable(username, currentUser.username()), "admin.user.disabled");
    }

    public void enable() throws IOException {
        act(() -> accounts.enable(username, currentUser.username()), "admin.user.enabled");
    }

    public void resetPassword() throws IOException {
        try {
            act(() -> accounts.resetPassword(username, temporaryPassword, currentUser.username()),
                    "admin.user.passwordReset");
        } finally {
            temporaryPassword = null;
        }
    }

    private void act(Supplier<UserView> action, String doneKey) throws IOException {
        if (!admins.page()) {
            return;
        }
        try {
            UserView changed = action.get();
            FacesMessages.flashInfo(doneKey, changed.username());
            Redirects.to("/admin/user.xhtml?username=" + changed.username());
        } catch (DomainException e) {
            FacesMessages.show(e, Map.of("displayName", "edit:displayName", "email", "edit:email", "role", "edit:role",
                    "password", "reset:temporaryPassword"));
        }
    }

    private void show(UserView view) {
        user = view;
        displayName = view.displayName();
        email = view.email();
        role = view.role();
        version = view.version();
    }

    public boolean isSelf() {
        return username != null && username.equals(currentUser.getUsername());
    }

    public Role[] getRoles() {
        return Role.accountRoles();
    }

    public UserView getUser() {
        if (user == null && username != null) {
            try {
                user = accounts.find(username);
            } catch (DomainException goneMeanwhile) {
                return null;
            }
        }
        return user;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public void setTemporaryPassword(String temporaryPassword) {
        this.temporaryPassword = temporaryPassword;
    }
}
