package org.meetingportal.platform;

/**
 * The order in which the portal's parts start, in one place: CDI runs observers of application start by
 * {@code @Priority}, lowest first. The schema comes first, since the rest reads the database.
 */
public final class StartupOrder {

    /** The schema migration, and settings checks that read nothing else. */
    public static final int SCHEMA = 100;
    /** The first administrator, on an empty database. */
    public static final int FIRST_ADMIN = SCHEMA + 10;
    /** The TRTC settings, checked and announced. */
    public static final int VIDEO = FIRST_ADMIN + 10;
    /** The call hub: it ends calls a previous stop cut off, then starts its ticker. */
    public static final int CALLS = VIDEO + 10;

    private StartupOrder() {
    }
}
