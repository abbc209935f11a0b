package org.meetingportal.account;

import java.time.Instant;

/** An account as the API and the admin pages show it: everything but the password hash. */
public record UserView(String username, String displayName, String email, Role role, boolean enabled,
        boolean mustChangePassword, Instant createdAt, Instant lastSignInAt, long version, boolean fromProvider) {

    static UserView of(User user) {
        return new UserView(user.getUsername(), user.getDisplayName(), user.getEmail(), user.getRole(),
                user.isEnabled(), user.isMustChangePassword(), user.getCreatedAt(), user.getLastSignInAt(),
                user.getVersion(), user.isFromProvider());
    }
}
