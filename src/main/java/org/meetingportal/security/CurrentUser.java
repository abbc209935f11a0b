package org.meetingportal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.meetingportal.account.Account;

/**
 * The person behind the current request, as the authentication mechanism found them; pages use it as
 * {@code #{currentUser}}.
 */
@Named
@RequestScoped
public class CurrentUser {

    private static final String ATTRIBUTE = CurrentUser.class.getName();

    @Inject
    HttpServletRequest request;

    static void attach(HttpServletRequest request, Account account) {
        request.setAttribute(ATTRIBUTE, account);
    }

    public static Optional<Account> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Account account ? Optional.of(account) : Optional.empty();
    }

    public Optional<Account> account() {
        return of(request);
    }

    public boolean isSignedIn() {
        return account().isPresent();
    }

    public boolean isAdmin() {
        return account().map(Account::isAdmin).orElse(false);
    }

    public boolean isMustChangePassword() {
        return account().map(Account::mustChangePassword).orElse(false);
    }

    public String getUsername() {
        return account().map(Account::username).orElse(null);
    }

    public String getDisplayName() {
        return account().map(Account::displayName).orElse(null);
    }

    /** The signed-in username; only for code that runs where signing in is required. */
    public String username() {
        return account().map(Account::username).orElseThrow(() -> new IllegalStateException("not signed in"));
    }
}
