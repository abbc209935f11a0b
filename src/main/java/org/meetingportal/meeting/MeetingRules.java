package org.meetingportal.meeting;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.meetingportal.account.AccountRules;
import org.meetingportal.platform.FieldProblems;
import org.meetingportal.platform.PlainText;

/**
 * The rules of a meeting that need no database: a title, an end after the start, at most a day long, not
 * already over (a meeting may start now or have started: "meet now"), a real time zone, known enums,
 * well-formed usernames and at least one host (the creator when none is named).
 */
public final class MeetingRules {

    public static final Duration MAX_LENGTH = Duration.ofHours(24);
    public static final int MAX_PARTICIPANTS = 1000;

    private MeetingRules() {
    }

    /** What to look for in titles: nothing for a blank search; a 400 naming {@code q} beyond a title's length. */
    public static String searchText(String q) {
        String text = q == null ? "" : q.strip();
        if (text.codePointCount(0, text.length()) > Meeting.TITLE_MAX) {
            new FieldProblems().add("q", "meeting.search.tooLong", Meeting.TITLE_MAX).throwIfAny();
        }
        return text.isEmpty() ? null : text;
    }

    /** The plan the input describes, or every problem with it at once. */
    public static MeetingPlan plan(MeetingInput input, String creator, Instant now) {
        FieldProblems problems = new FieldProblems();
        if (input == null) {
            problems.add("title", "meeting.title.required").throwIfAny();
        }
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty()) {
            problems.add("title", "meeting.title.required");
        } else if (title.codePointCount(0, title.length()) > Meeting.TITLE_MAX) {
            problems.add("title", "meeting.title.tooLong", Meeting.TITLE_MAX);
        } else if (!PlainText.isOneLine(title)) {
            problems.add("title", "meeting.title.invalid");
        }
        String description = input.description() == null ? "" : input.description().strip();
        if (description.codePointCount(0, description.length()) > Meeting.DESCRIPTION_MAX) {
            problems.add("description", "meeting.description.tooLong", Meeting.DESCRIPTION_MAX);
        }
        Instant startsAt = instant(input.startsAt(), "startsAt", problems);
        Instant endsAt = instant(input.endsAt(), "endsAt", problems);
        if (startsAt != null && endsAt != null) {
            if (!endsAt.isAfter(startsAt)) {
                problems.add("endsAt", "meeting.endsAt.notAfterStart");
            } else if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
                problems.add("endsAt", "meeting.endsAt.tooLong", MAX_LENGTH.toHours());
            } else if (!endsAt.isAfter(now)) {
                problems.add("endsAt", "meeting.endsAt.past");
            }
        }
        ZoneId zone = zone(input.timeZone(), problems);
        Access access = choice(Access.class, input.access(), Access.INVITED, "access", problems);
        AttendeeRights rights = choice(AttendeeRights.class, input.attendeeRights(), AttendeeRights.FULL,
                "attendeeRights", problems);
        WaitingRoom waitingRoom = choice(WaitingRoom.class, input.waitingRoom(), WaitingRoom.NONE, "waitingRoom",
                problems);
        Set<String> hosts = usernames(input.hosts(), "hosts", problems);
        Set<String> attendees = usernames(input.attendees(), "attendees", problems);
        if (hosts.isEmpty()) {
            hosts = Set.of(creator);
        }
        if (hosts.size() + attendees.size() > MAX_PARTICIPANTS) {
            problems.add("attendees", "meeting.participants.tooMany", MAX_PARTICIPANTS);
        }
        RecurrenceRules.recurrence(input.recurrence(), problems);
        problems.throwIfAny();
        return new MeetingPlan(title, description, startsAt, endsAt, zone, access, rights,
                Boolean.TRUE.equals(input.muteOnEntry()), waitingRoom, Boolean.TRUE.equals(input.hostFirst()), hosts,
                attendees);
    }

    /** The start of an occurrence as a request names it; a 400 naming {@code at} when it is no date and time. */
    public static Instant occurrenceStart(String text) {
        FieldProblems problems = new FieldProblems();
        Instant at = instant(text, "at", problems);
        problems.throwIfAny();
        return at;
    }

    private static Instant instant(String text, String field, FieldProblems problems) {
        if (text == null || text.isBlank()) {
            problems.add(field, "meeting.time.required");
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeException e) {
            problems.add(field, "meeting.time.invalid");
            return null;
        }
    }

    /** Region ids only ("Asia/Shanghai", "UTC"): a bare offset has no daylight-saving rules. */
    private static ZoneId zone(String text, FieldProblems problems) {
        if (text == null || text.isBlank()) {
            problems.add("timeZone", "meeting.timeZone.required");
            return null;
        }
        try {
            ZoneId zone = ZoneId.of(text.strip());
            if (!(zone instanceof ZoneOffset)) {
                return zone;
            }
        } catch (DateTimeException e) {
            // reported below
        }
        problems.add("timeZone", "meeting.timeZone.invalid");
        return null;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text, E defaultValue, String field,
            FieldProblems problems) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(field, "meeting." + field + ".invalid");
            return defaultValue;
        }
    }

    private static Set<String> usernames(List<String> names, String field, FieldProblems problems) {
        Set<String> result = new LinkedHashSet<>();
        if (names == null) {
            return result;
        }
        for (String name : names) {
            String trimmed = name == null ? "" : name.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!AccountRules.isUsername(trimmed)) {
                problems.add(field, "meeting.participants.invalid", trimmed);
                return result;
            }
            result.add(trimmed);
        }
        return result;
    }
}
