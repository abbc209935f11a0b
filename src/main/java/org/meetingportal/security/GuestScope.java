package org.meetingportal.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a guest's session counts: their meeting's room page, its call socket, the session itself, and the API of
 * their meeting's room (names come with the roster, once a host let them in). Everywhere else a guest is an
 * anonymous visitor, so that no page or call the portal adds later opens to guests unless it is named here.
 * Judged on the request's own URI, undecoded, as sent.
 */
public final class GuestScope {

    /** The guest's room page: their one page. */
    public static final String ROOM_PAGE = "/guest-room.xhtml";

    private static final Pattern MEETING_API =
            Pattern.compile("/api/meetings/([1-9]\\d{0,17})/(credentials|chat|chat/transcript|roster|reactions)");

    private GuestScope() {
    }

    static boolean covers(HttpServletRequest request, long meetingId) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (uri == null || !uri.startsWith(context)) {
            return false;
        }
        return covers(uri.substring(context.length()), meetingId);
    }

    static boolean covers(String path, long meetingId) {
        if (path.equals(ROOM_PAGE) || path.equals("/ws/calls") || path.equals("/api/session")) {
            return true;
        }
        Matcher api = MEETING_API.matcher(path);
        return api.matches() && Long.parseLong(api.group(1)) == meetingId;
    }
}
