package org.meetingportal.platform;

/**
 * Which paths the portal redirects to on a person's behalf: only its own, so that a crafted link or view id
 * cannot send a person to another site. A browser takes {@code //host} and {@code /\host} as another host.
 */
public final class LocalPaths {

    private LocalPaths() {
    }

    public static boolean isLocal(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.chars().noneMatch(Character::isISOControl);
    }
}
