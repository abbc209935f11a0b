package org.meetingportal.account;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FacesMessages;
import org.meetingportal.platform.Slice;
import org.meetingportal.platform.Redirects;

/** {@code /admin/users.xhtml}: find accounts, page through them, create one. */
@Named
@ViewScoped
public class UsersPage extends AccountFormFields {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 20;

    @Inject
    AccountService accounts;

    @Inject
    SignInThrottleService throttle;

    @Inject
    CurrentUser currentUser;

    @Inject
    AdminOnly admins;

    private String query;
    private int page;
    /** Display data, not kept with the view: a view restored elsewhere (another node, after a restart) reads it again. */
    private transient Slice<UserView> results;
    private transient Map<String, Instant> pausedUntil;

    private String password;

    public UsersPage() {
        role = Role.EMPLOYEE;
    }

    public void load() {
        if (!admins.page()) {
            return;
        }
        try {
            results = accounts.search(query, Math.max(0, page), PAGE_SIZE);
        } catch (DomainException e) {
            results = accounts.search(query, 0, PAGE_SIZE);
        }
        pausedUntil = throttle.pausedUntil(results.items().stream().map(UserView::username).toList());
    }

    /** Until when the person's password checks are paused somewhere, or null. */
    public Instant pausedUntil(String username) {
        if (pausedUntil == null) {
            load();
        }
        return pausedUntil.get(username);
    }

    public void lift(String username) throws IOException {
        if (!admins.page()) {
            return;
        }
        try {
            throttle.lift(accounts.find(username).username(), currentUser.username());
            FacesMessages.flashInfo("admin.users.lifted", username);
            Redirects.to("/admin/users.xhtml?q=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
        } catch (DomainException e) {
            FacesMessages.show(e, Map.of());
        }
    }

    public void create() throws IOException {
        if (!admins.page()) {
            return;
        }
        try {
            UserView created = accounts.create(new NewUser(username, displayName, email, password, role),
                    currentUser.username());
            FacesMessages.flashInfo("admin.users.created", created.username());
            Redirects.to("/admin/users.xhtml?q=" + created.username());
        } catch (DomainException e) {
            FacesMessages.show(e, Map.of("username", "create:username", "displayName", "create:displayName",
                    "email", "create:email", "role", "create:role", "password", "create:password"));
        } finally {
            password = null;
        }
    }

    public Role[] getRoles() {
        return Role.accountRoles();
    }

    public Slice<UserView> getResults() {
        if (results == null) {
            load();
        }
        return results;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
