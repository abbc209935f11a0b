package org.meetingportal.meeting;

import java.util.List;

/**
 * A meeting as the API and the admin page send it. Times are ISO-8601 with an offset
 * ({@code 2026-12-01T09:00:00+08:00}), the time zone an IANA id, the enums by name. Everything is text
 * here so that a bad value is reported against its field, not as unreadable JSON.
 */
public record MeetingInput(String title, String description, String startsAt, String endsAt, String timeZone,
        List<String> hosts, List<String> attendees, String access, String attendeeRights, Boolean muteOnEntry,
        String waitingRoom, Boolean hostFirst, Long version, RecurrenceInput recurrence, Boolean newRoom) {

    /**
     * How a series repeats, with RFC 5545's names: {@code frequency} DAILY, WEEKLY or MONTHLY; {@code byDay} two-letter
     * days ({@code MO}…{@code SU}); {@code bySetPos} which of them in the month (1–4, or -1 for the last); {@code until}
     * a date in the meeting's zone ({@code 2027-06-30}) or {@code count} occurrences.
     */
    public record RecurrenceInput(String frequency, Integer interval, List<String> byDay, Integer bySetPos,
            String until, Integer count) {
    }
}
