package org.meetingportal.meeting;

import java.util.Locale;
import org.meetingportal.platform.Configuration;

/** Who plans meetings: {@code PORTAL_SCHEDULING=everyone} (every employee, the default) or {@code admins}. */
public enum Scheduling {
    EVERYONE,
    ADMINS;

    public static final String SETTING = "PORTAL_SCHEDULING";

    /** The setting; a mistyped one stops the start, naming it. */
    public static Scheduling of(Configuration configuration) {
        String value = configuration.text(SETTING).orElse("everyone");
        return switch (value) {
            case "everyone" -> EVERYONE;
            case "admins" -> ADMINS;
            default -> throw new IllegalStateException(SETTING + " must be everyone or admins, but is '" + value + "'");
        };
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
