package org.meetingportal.platform;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;

/**
 * Security events for the operators' log, one line each, named after the OWASP logging vocabulary
 * ({@code authn_login_fail}, {@code authz_fail}, ...). Values that callers typed are quoted with their line
 * breaks escaped, so nobody can forge a second log line; passwords and tokens are never passed here.
 */
public final class SecurityLog {

    private static final Logger LOG = Logger.getLogger("org.meetingportal.security.events");

    private SecurityLog() {
    }

    /** Logs {@code event} with its details as {@code name=value} pairs. */
    public static void event(String event, Object... namesAndValues) {
        Instant at = Instant.now();
        LOG.info(() -> line(at, event, namesAndValues));
    }

    /**
     * One event's line, ending with {@code at}, the instant in UTC: the server's own log format carries
     * the server's local time without a zone, which cannot be lined up with other systems' logs.
     */
    static String line(Instant at, String event, Object... namesAndValues) {
        StringBuilder line = new StringBuilder("security_event=").append(event);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            line.append(' ').append(namesAndValues[i]).append('=').append(quote(namesAndValues[i + 1]));
        }
        return line.append(" at=").append(quote(DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS))))
                .toString();
    }

    static String quote(Object value) {
        if (value == null) {
            return "-";
        }
        StringBuilder quoted = new StringBuilder("\"");
        value.toString().codePoints().limit(200).forEach(c -> {
            switch (c) {
                case '\r' -> quoted.append("\\r");
                case '\n' -> quoted.append("\\n");
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}
