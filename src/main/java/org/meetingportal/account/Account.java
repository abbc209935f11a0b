package org.meetingportal.account;

import java.io.Serializable;
import java.util.Locale;

/**
 * What the rest of the portal needs to know about the person behind a request, read fresh from the
 * database each time: a role change, a disabled account or a password change takes effect at once.
 */
public record Account(String username, String displayName, String email, Role role, boolean enabled,
        boolean mustChangePassword, int sessionGeneration, String timeZone, boolean fromProvider, Locale language)
        implements Serializable {

    static Account of(User user) {
        return new Account(user.getUsername(), user.getDisplayName(), user.getEmail(), user.getRole(),
                user.isEnabled(), user.isMustChangePassword(), user.getSessionGeneration(), user.getTimeZone(),
                user.isFromProvider(), user.getLanguage());
    }

    /** A guest of one meeting, known by the TRTC userId the portal made for them and the name they gave. */
    public static Account guest(String userId, String displayName) {
        return new Account(userId, displayName, null, Role.GUEST, true, false, 0, null, false, null);
    }

    public boolean isGuest() {
        return role == Role.GUEST;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
