package org.meetingportal.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be, after NIST SP 800-63B and OWASP ASVS 6.2: at least 8 characters, up to 128 of
 * any kind (spaces, emoji and Chinese included), no rules about character classes, and not a password that
 * attackers try first: a well-known one, the username, or one character or a run of keys repeated.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** The message key of the rule a password breaks, or empty when it is acceptable. */
    public static Optional<String> check(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of("password.required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("password.tooLong");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(folded) || isRepetitive(folded)) {
            return Optional.of("password.common");
        }
        if (username != null && folded.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.containsUsername");
        }
        return Optional.empty();
    }

    /** One short pattern typed again and again, such as "aaaaaaaa", "abcabcabc" or "12121212". */
    private static boolean isRepetitive(String password) {
        int[] cps = password.codePoints().toArray();
        for (int period = 1; period <= 3; period++) {
            boolean repeats = true;
            for (int i = period; i < cps.length && repeats; i++) {
                repeats = cps[i] == cps[i - period];
            }
            if (repeats) {
                return true;
            }
        }
        return isRun(cps, 1) || isRun(cps, -1);
    }

    /** Consecutive characters such as "12345678", "abcdefgh" or "87654321". */
    private static boolean isRun(int[] cps, int step) {
        for (int i = 1; i < cps.length; i++) {
            if (cps[i] != cps[i - 1] + step) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the build");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines()
                        .map(String::trim)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .map(line -> line.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
