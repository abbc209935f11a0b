package org.meetingportal.account;

import java.util.Optional;
import java.util.regex.Pattern;
import org.meetingportal.platform.FieldProblems;
import org.meetingportal.platform.PlainText;

/** The rules for what an account's fields may hold, shared by the API and the admin pages. */
public final class AccountRules {

    /** TRTC's rule for a userId, which the username also is. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_-]{1," + User.USERNAME_MAX + "}");
    /** Deliberately loose: one @, something on each side, no spaces. Delivery is the real check. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AccountRules() {
    }

    /** Begins every guest's userId and no account's username, so that a guest can never be taken for a colleague. */
    public static final String GUEST_PREFIX = "guest_";

    public static boolean isUsername(String value) {
        return value != null && USERNAME.matcher(value).matches() && !isGuest(value);
    }

    /** Whether a TRTC userId is a guest's, which no username can be. */
    public static boolean isGuest(String userId) {
        return userId != null && userId.regionMatches(true, 0, GUEST_PREFIX, 0, GUEST_PREFIX.length());
    }

    /**
     * The username an account made at its first sign-in through the company's provider gets: the provider's
     * {@code preferred_username} with every character a TRTC userId may not hold made {@code _}, so that
     * {@code ann.lee@contoso.com} becomes {@code ann_lee_contoso_com}. Empty when nothing usable is left (no
     * letter or digit) or the result is longer than a userId may be: such a name is refused, never cut short,
     * since a shortened name could be another person's.
     */
    public static Optional<String> usernameFromProvider(String preferredUsername) {
        if (preferredUsername == null) {
            return Optional.empty();
        }
        String username = preferredUsername.strip().replaceAll("[^A-Za-z0-9_-]", "_");
        return isUsername(username) && username.chars().anyMatch(Character::isLetterOrDigit)
                ? Optional.of(username) : Optional.empty();
    }

    public static void checkUsername(String value, FieldProblems problems) {
        if (value == null || value.isBlank()) {
            problems.add("username", "user.username.required");
        } else if (!isUsername(value)) {
            problems.add("username", "user.username.invalid", User.USERNAME_MAX);
        }
    }

    /** Display names are shown on video tiles and lists: printable text of a sensible length. */
    public static void checkDisplayName(String value, FieldProblems problems) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            problems.add("displayName", "user.displayName.required");
        } else if (trimmed.codePointCount(0, trimmed.length()) > User.DISPLAY_NAME_MAX) {
            problems.add("displayName", "user.displayName.tooLong", User.DISPLAY_NAME_MAX);
        } else if (!PlainText.isOneLine(trimmed)) {
            problems.add("displayName", "user.displayName.invalid");
        }
    }

    public static void checkEmail(String value, FieldProblems problems) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            problems.add("email", "user.email.required");
        } else if (trimmed.length() > User.EMAIL_MAX || !EMAIL.matcher(trimmed).matches()) {
            problems.add("email", "user.email.invalid");
        }
    }

    public static void checkRole(Role value, FieldProblems problems) {
        if (value == null) {
            problems.add("role", "user.role.required");
        }
    }

    public static void checkPassword(String password, String username, String field, FieldProblems problems) {
        PasswordPolicy.check(password, username).ifPresent(key -> problems.add(field, key,
                PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH));
    }
}
