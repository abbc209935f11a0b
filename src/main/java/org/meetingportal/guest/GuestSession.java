package org.meetingportal.guest;

/**
 * A guest's session as {@code POST /api/guest-sessions} answers it: where to go, who they are there, and the token
 * their state-changing calls echo.
 */
public record GuestSession(long meetingId, String userId, String displayName, String room, String csrfToken) {
}
