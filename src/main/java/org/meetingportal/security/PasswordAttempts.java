package org.meetingportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountService;
import org.meetingportal.account.SignInThrottleService;
import org.meetingportal.account.ThrottleKey;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.IpAddresses;
import org.meetingportal.platform.RetryLaterException;
import org.meetingportal.platform.SecurityLog;

/**
 * The throttle around every check of a person's password from a request: signing in, and proving the current
 * password to change it. Which counters an attempt falls in depends on where it comes from:
 * <ul>
 * <li>from a browser that holds a device cookie this person signed in with before: that browser's own counter
 * only, so guessing anywhere else never slows them down there;</li>
 * <li>from anywhere else: the account from this address (a long pause, for this address only), the account
 * from everywhere and the address for every account (growing delays, capped at a few minutes).</li>
 * </ul>
 * A paused attempt is refused before the password is hashed, so it costs the server next to nothing.
 */
@ApplicationScoped
public class PasswordAttempts {

    static final String DEVICE_COOKIE = "portal_device";
    private static final Pattern DEVICE_TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ClientAddress clientAddress;

    @Inject
    SignInThrottleService throttle;

    @Inject
    AccountService accounts;

    /** How long to wait, in the words of message {@code key}: seconds for a short delay, minutes otherwise. */
    public record Wait(String key, long amount) {

        public static Wait of(String key, long seconds) {
            return seconds < 120 ? new Wait(key + "Seconds", seconds) : new Wait(key, (seconds + 59) / 60);
        }
    }

    /** One password check about to be made for {@code username} from {@code request}. */
    public Attempt of(String username, HttpServletRequest request) {
        String address = clientAddress.of(request);
        Optional<String> device = deviceToken(request).map(PasswordAttempts::hash)
                .filter(hash -> throttle.knownDevice(hash, username));
        String network = IpAddresses.limitedNetwork(address);
        List<ThrottleKey> keys = device.isPresent()
                ? List.of(ThrottleKey.device(username, device.get()))
                : List.of(ThrottleKey.pair(username, network), ThrottleKey.account(username), ThrottleKey.address(network));
        return new Attempt(username, address, device.isPresent(), keys);
    }

    /**
     * A person replaces their own password, proving the current one behind the same throttle as signing in:
     * each check is a full password hash, so it would otherwise be a way to guess passwords and to burn CPU.
     */
    public Account changeOwnPassword(HttpServletRequest request, String username, String currentPassword,
            String newPassword) {
        Attempt attempt = of(username, request);
        Optional<Duration> pause = attempt.pause("password_change");
        if (pause.isPresent()) {
            Wait wait = Wait.of("account.password.throttled", seconds(pause.get()));
            throw new RetryLaterException(seconds(pause.get()), wait.key(), wait.amount());
        }
        try {
            Account account = accounts.changeOwnPassword(username, currentPassword, newPassword);
            attempt.succeeded(request, null);
            return account;
        } catch (DomainException e) {
            if (e.fieldProblems().stream().anyMatch(p -> "currentPassword".equals(p.field()))) {
                SecurityLog.event("authn_password_change_fail", "user", username, "address", attempt.address);
                attempt.failed();
            }
            throw e;
        }
    }

    /** The counters of one check, and what to do before and after it. */
    public final class Attempt {

        private final String username;
        private final String address;
        private final boolean knownDevice;
        private final List<ThrottleKey> keys;

        private Attempt(String username, String address, boolean knownDevice, List<ThrottleKey> keys) {
            this.username = username;
            this.address = address;
            this.knownDevice = knownDevice;
            this.keys = keys;
        }

        /**
         * How long this check must wait, if it must; a refusal is logged as {@code authn_<purpose>_throttled}.
         */
        public Optional<Duration> pause(String purpose) {
            Optional<Duration> pause = throttle.pause(keys);
            pause.ifPresent(p -> SecurityLog.event("authn_" + purpose + "_throttled", "user", username,
                    "address", address, "known_device", knownDevice, "retry_after_seconds", seconds(p)));
            return pause;
        }

        /** Counts a wrong password; each pause it starts is logged as {@code authn_throttle_pause}. */
        public void failed() {
            List<SignInThrottleService.Pause> started;
            try {
                started = throttle.recordFailure(keys);
            } catch (RuntimeException firstCounterRace) {
                // Two first failures for the same counter raced to insert its row; the row exists now.
                started = throttle.recordFailure(keys);
            }
            for (SignInThrottleService.Pause pause : started) {
                SecurityLog.event("authn_throttle_pause", "user", username, "address", address,
                        "bucket", pause.key().bucket().name().toLowerCase(), "failures", pause.failures(),
                        "pause_seconds", seconds(pause.length()));
            }
        }

        /**
         * A right password: forgives this place's count and, given a response, remembers this browser for
         * the person with a device cookie.
         */
        public void succeeded(HttpServletRequest request, HttpServletResponse response) {
            throttle.forgive(keys);
            if (response == null) {
                return;
            }
            String token = deviceToken(request).orElseGet(PasswordAttempts::newToken);
            throttle.rememberDevice(hash(token), username);
            Cookie cookie = new Cookie(DEVICE_COOKIE, token);
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setMaxAge((int) SignInThrottleService.DEVICE_MEMORY.toSeconds());
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Strict");
            response.addCookie(cookie);
        }
    }

    private static Optional<String> deviceToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (DEVICE_COOKIE.equals(cookie.getName()) && cookie.getValue() != null
                    && DEVICE_TOKEN.matcher(cookie.getValue()).matches()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Only the hash is stored, so that a copy of the database does not hand out anyone's browser. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
