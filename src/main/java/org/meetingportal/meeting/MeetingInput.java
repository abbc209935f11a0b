package org.meetingportal.meeting;

import java.util.List;

/**
 * A meeting as the API and the admin page send it. Times are ISO-8601 with an offset
 * ({@code 2026-12-01T09:00:00+08:00}), the time zone an IANA id, the enums by name. Everything is text
 * here so that a bad value is reported against its field, not as unreadable JSON.
 */
public record MeetingInput(String title, String description, String startsAt, String endsAt, String timeZone,
        List<String> hosts, List<String> attendees, String access, String attendeeRights, Boolean muteOnEntry,
        String waitingRoom, Boolean hostFirst, Long version) {
}
