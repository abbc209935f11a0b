package org.meetingportal.security;

import jakarta.servlet.http.HttpServletRequest;
import org.meetingportal.account.Account;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.account.Role;

/** The signed-in person as the API describes them, with the session's CSRF token. */
public record Me(String username, String displayName, Role role, boolean mustChangePassword, String timeZone,
            String csrfToken) {

    public static Me of(HttpServletRequest request) {
        Account account = CurrentUser.of(request).orElseThrow();
        String token = Sessions.signedIn(request).map(SignedInUser::csrfToken).orElse(null);
        return new Me(account.username(), account.displayName(), account.role(), account.mustChangePassword(),
                account.timeZone(), token);
    }
}
