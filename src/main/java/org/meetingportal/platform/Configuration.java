package org.meetingportal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The portal's settings. Each has one name, looked up first as a system property (so that server scripts
 * can set it) and then as an environment variable; nothing is baked into the WAR.
 */
@ApplicationScoped
public class Configuration {

    public static final String ADMIN_PASSWORD = "PORTAL_ADMIN_PASSWORD";
    public static final String SESSION_IDLE_MINUTES = "PORTAL_SESSION_IDLE_MINUTES";
    public static final String SESSION_MAX_HOURS = "PORTAL_SESSION_MAX_HOURS";
    public static final String JOIN_EARLY_MINUTES = "PORTAL_JOIN_EARLY_MINUTES";
    public static final String USERSIG_TTL_SECONDS = "PORTAL_USERSIG_TTL_SECONDS";
    public static final String PRIVATEMAPKEY_TTL_SECONDS = "PORTAL_PRIVATEMAPKEY_TTL_SECONDS";
    public static final String CREDENTIAL_RATE_PER_MINUTE = "PORTAL_CREDENTIAL_RATE_PER_MINUTE";
    public static final String CALL_RING_SECONDS = "PORTAL_CALL_RING_SECONDS";
    public static final String CALL_GRACE_SECONDS = "PORTAL_CALL_GRACE_SECONDS";
    public static final String CALL_RATE_PER_MINUTE = "PORTAL_CALL_RATE_PER_MINUTE";
    public static final String TRUSTED_PROXIES = "PORTAL_TRUSTED_PROXIES";
    public static final String PUBLIC_URL = "PORTAL_PUBLIC_URL";
    /** The server scripts build the mail session from the other SMTP settings; the portal reads only this one. */
    public static final String SMTP_HOST = "PORTAL_SMTP_HOST";
    public static final String MAIL_RETRY_SECONDS = "PORTAL_MAIL_RETRY_SECONDS";
    public static final String REMINDER_MINUTES = "PORTAL_REMINDER_MINUTES";

    private final UnaryOperator<String> source;

    public Configuration() {
        this(name -> {
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(name);
        });
    }

    /** For tests: settings from any lookup. */
    public Configuration(UnaryOperator<String> source) {
        this.source = source;
    }

    /** The value of a setting, absent when unset or blank. */
    public Optional<String> text(String name) {
        String value = source.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * A whole number in {@code [min, max]}, or the default when unset.
     *
     * @throws IllegalStateException naming the setting when the value is not such a number, so that a
     *     mistyped setting stops the portal at start instead of being silently replaced by the default
     */
    public long number(String name, long defaultValue, long min, long max) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the allowed range
        }
        throw new IllegalStateException(
                name + " must be a whole number from " + min + " to " + max + ", but is '" + value.get() + "'");
    }

    public int sessionIdleMinutes() {
        return (int) number(SESSION_IDLE_MINUTES, 30, 1, 24 * 60);
    }

    public int sessionMaxHours() {
        return (int) number(SESSION_MAX_HOURS, 12, 1, 7 * 24);
    }

    /** How long before its start a meeting can be joined. */
    /** Whether e-mail is sent at all: only with an SMTP server to send it through. */
    public boolean mailEnabled() {
        return text(SMTP_HOST).isPresent();
    }

    /** How long the first retry of an e-mail the SMTP server did not take waits; each later one waits twice as long. */
    public Duration mailRetry() {
        return Duration.ofSeconds(number(MAIL_RETRY_SECONDS, 30, 1, 3600));
    }

    /** How long before each meeting its people are reminded of it; zero for no reminders. */
    public Duration reminderLead() {
        return Duration.ofMinutes(number(REMINDER_MINUTES, 10, 0, 24 * 60));
    }

    public Duration joinEarly() {
        return Duration.ofMinutes(number(JOIN_EARLY_MINUTES, 10, 0, 24 * 60));
    }

    public Duration userSigLifetime() {
        // Short, because without TRTC's advanced permission control a UserSig alone enters any room: the
        // page never needs one for longer than between two renewals of its PrivateMapKey.
        return Duration.ofSeconds(number(USERSIG_TTL_SECONDS, 1800, 60, 1800));
    }

    public Duration privateMapKeyLifetime() {
        return Duration.ofSeconds(number(PRIVATEMAPKEY_TTL_SECONDS, 300, 30, 24 * 3600));
    }

    public int credentialRatePerMinute() {
        return (int) number(CREDENTIAL_RATE_PER_MINUTE, 30, 1, 1_000_000);
    }

    /** How long a call rings before it counts as missed. */
    public Duration callRingTimeout() {
        return Duration.ofSeconds(number(CALL_RING_SECONDS, 30, 5, 300));
    }

    /** How long a call survives a party without any portal page open (a page change, a network blip). */
    public Duration callGrace() {
        return Duration.ofSeconds(number(CALL_GRACE_SECONDS, 10, 1, 120));
    }

    public int callRatePerMinute() {
        return (int) number(CALL_RATE_PER_MINUTE, 10, 1, 1000);
    }

    /**
     * The reverse proxies whose {@code X-Forwarded-For} is believed: IP addresses separated by commas or spaces.
     *
     * @throws IllegalStateException naming the setting for anything that is not an IP address (a host name
     *     would need a lookup, and a lookup can be made to answer anything)
     */
    public Set<String> trustedProxies() {
        Set<String> proxies = new LinkedHashSet<>();
        for (String entry : text(TRUSTED_PROXIES).orElse("").split("[,\\s]+")) {
            if (!entry.isEmpty()) {
                proxies.add(IpAddresses.normalize(entry).orElseThrow(() -> new IllegalStateException(
                        TRUSTED_PROXIES + " must list IP addresses, but has '" + entry + "'")));
            }
        }
        return Set.copyOf(proxies);
    }

    /**
     * The portal's public base URL, without a trailing slash, for every absolute link it hands out.
     *
     * @throws IllegalStateException naming the setting for anything but an absolute http or https URL with a
     *     host and no query, fragment or user information
     */
    public Optional<String> publicUrl() {
        Optional<String> value = text(PUBLIC_URL);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value.get());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase())
                || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalStateException(PUBLIC_URL + " must be the portal's public address, an absolute http or "
                    + "https URL such as https://meet.example.com/, but is '" + value.get() + "'");
        }
        return Optional.of(uri.toString().replaceAll("/+$", ""));
    }

    public Optional<String> initialAdminPassword() {
        return Optional.ofNullable(source.apply(ADMIN_PASSWORD)).filter(p -> !p.isEmpty());
    }
}
