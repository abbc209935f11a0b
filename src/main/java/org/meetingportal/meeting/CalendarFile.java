package org.meetingportal.meeting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Writes a meeting as an RFC 5545 iCalendar file with one VEVENT: times in UTC, text escaped, lines ended
 * with CRLF and folded at 75 octets without splitting a character. A cancelled meeting is sent as
 * {@code METHOD:CANCEL} with {@code STATUS:CANCELLED} and a higher SEQUENCE, which calendars take as the
 * cancellation of the event with the same UID.
 *
 * <p>A series is one VEVENT with its RRULE, EXDATE for the occurrences cancelled alone, and one VEVENT with a
 * RECURRENCE-ID for each occurrence changed alone, all under the series' UID, with times in the series' zone
 * (TZID) and a VTIMEZONE that spells out that zone's offsets over the series' span, so that a calendar keeps
 * 09:00 at 09:00 across daylight saving without knowing the zone's name.
 */
public final class CalendarFile {

    public static final String MEDIA_TYPE = "text/calendar";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final int MAX_OCTETS = 75;

    private CalendarFile() {
    }

    /** The file for {@code event}, whose meeting page is at {@code meetingUrl}. */
    public static String write(CalendarEvent event, String meetingUrl) {
        return write(List.of(event), meetingUrl);
    }

    /** The file for a single meeting, or for a series: its own event first, then its occurrences changed alone. */
    public static String write(List<CalendarEvent> events, String meetingUrl) {
        CalendarEvent first = events.get(0);
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Meeting Portal//Meeting Portal 1.0//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:" + (first.cancelled() ? "CANCEL" : "REQUEST"));
        if (first.repeating() != null) {
            timeZone(out, first.repeating().zone(), first.start(), first.repeating().lastEnds());
        }
        for (CalendarEvent event : events) {
            event(out, event, meetingUrl);
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void event(StringBuilder out, CalendarEvent event, String meetingUrl) {
        CalendarEvent.Repeating repeating = event.repeating();
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + event.uid() + "@meeting-portal");
        line(out, "SEQUENCE:" + event.sequence());
        line(out, "DTSTAMP:" + time(event.stamp()));
        if (repeating == null) {
            line(out, "DTSTART:" + time(event.start()));
            line(out, "DTEND:" + time(event.end()));
        } else {
            ZoneId zone = repeating.zone();
            line(out, "DTSTART" + local(event.start(), zone));
            line(out, "DTEND" + local(event.end(), zone));
            if (repeating.rule() != null) {
                line(out, "RRULE:" + repeating.rule());
            }
            if (!repeating.excluded().isEmpty()) {
                line(out, "EXDATE;TZID=" + zone.getId() + ":" + String.join(",",
                        repeating.excluded().stream().map(at -> LOCAL.format(at.atZone(zone).toLocalDateTime())).toList()));
            }
            if (repeating.recurrenceId() != null) {
                line(out, "RECURRENCE-ID" + local(repeating.recurrenceId(), zone));
            }
        }
        line(out, "SUMMARY:" + text(event.summary()));
        String description = event.description().isEmpty() ? meetingUrl : event.description() + "\n\n" + meetingUrl;
        line(out, "DESCRIPTION:" + text(description));
        line(out, "URL:" + meetingUrl);
        line(out, "LOCATION:" + text(meetingUrl));
        line(out, "ORGANIZER" + person(event.organizer()));
        for (CalendarEvent.Contact attendee : event.attendees()) {
            String role = attendee.role() == ParticipantRole.HOST ? "CHAIR" : "REQ-PARTICIPANT";
            line(out, "ATTENDEE;ROLE=" + role + ";PARTSTAT=NEEDS-ACTION;RSVP=FALSE" + person(attendee));
        }
        line(out, "STATUS:" + (event.cancelled() ? "CANCELLED" : "CONFIRMED"));
        line(out, "END:VEVENT");
    }

    /** {@code ;TZID=zone:local time}, the value of a time property in the series' zone. */
    private static String local(Instant instant, ZoneId zone) {
        return ";TZID=" + zone.getId() + ":" + LOCAL.format(instant.atZone(zone).toLocalDateTime());
    }

    /**
     * The zone as calendars read it best: its standard and daylight observances, each with the yearly rule of
     * its changes (RRULE), from the rules the zone follows now. A zone that no longer changes gets its offset at
     * {@code from}, with each change still due before {@code to} as an observance of its own.
     */
    static void timeZone(StringBuilder out, ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + zone.getId());
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        List<ZoneOffsetTransition> listed = rules.getTransitions();
        boolean ruled = !yearly.isEmpty()
                && (listed.isEmpty() || listed.get(listed.size() - 1).getInstant().isBefore(from))
                && yearly.stream().noneMatch(ZoneOffsetTransitionRule::isMidnightEndOfDay);
        if (ruled) {
            int year = from.atZone(zone).getYear() - 1;
            for (ZoneOffsetTransitionRule rule : yearly) {
                ZoneOffsetTransition change = rule.createTransition(year);
                observance(out, !change.getOffsetAfter().equals(rule.getStandardOffset()), change.getOffsetBefore(),
                        change.getOffsetAfter(), change.getDateTimeBefore(), yearlyRule(rule));
            }
        } else {
            Instant start = from.minus(Duration.ofDays(366)).truncatedTo(ChronoUnit.DAYS);
            ZoneOffset offset = rules.getOffset(start);
            observance(out, rules.isDaylightSavings(start), offset, offset, LocalDateTime.ofInstant(start, offset), null);
            for (ZoneOffsetTransition change = rules.nextTransition(start); change != null
                    && change.getInstant().isBefore(to); change = rules.nextTransition(change.getInstant())) {
                observance(out, rules.isDaylightSavings(change.getInstant()), change.getOffsetBefore(),
                        change.getOffsetAfter(), change.getDateTimeBefore(), null);
            }
        }
        line(out, "END:VTIMEZONE");
    }

    /**
     * A yearly change as RFC 5545 says it: "the first Sunday on or after the 25th" of a 31-day month is the last,
     * {@code BYDAY=-1SU}; "on or after the 8th" {@code BYDAY=2SU}; one that fits no week of the month names its
     * seven possible days.
     */
    static String yearlyRule(ZoneOffsetTransitionRule rule) {
        StringBuilder text = new StringBuilder("FREQ=YEARLY;BYMONTH=").append(rule.getMonth().getValue());
        int day = rule.getDayOfMonthIndicator();
        if (rule.getDayOfWeek() == null) {
            return text.append(";BYMONTHDAY=").append(day).toString();
        }
        String weekday = Recurrence.dayCode(rule.getDayOfWeek());
        if (rule.getMonth() != java.time.Month.FEBRUARY && day == rule.getMonth().maxLength() - 6) {
            return text.append(";BYDAY=-1").append(weekday).toString();
        }
        int reach = day > 0 ? day - 1 : -day - 1;
        if (reach % 7 == 0) {
            int week = reach / 7 + 1;
            return text.append(";BYDAY=").append(day > 0 ? week : -week).append(weekday).toString();
        }
        text.append(";BYDAY=").append(weekday).append(";BYMONTHDAY=");
        for (int i = 0; i < 7; i++) {
            text.append(i == 0 ? "" : ",").append(day > 0 ? day + i : day - i);
        }
        return text.toString();
    }

    private static void observance(StringBuilder out, boolean daylight, ZoneOffset before, ZoneOffset after,
            LocalDateTime from, String yearly) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        line(out, "BEGIN:" + kind);
        line(out, "DTSTART:" + LOCAL.format(from));
        line(out, "TZOFFSETFROM:" + offset(before));
        line(out, "TZOFFSETTO:" + offset(after));
        if (yearly != null) {
            line(out, "RRULE:" + yearly);
        }
        line(out, "END:" + kind);
    }

    /** An offset as RFC 5545 writes it: {@code +0100}, {@code -0330}, seconds only when there are any. */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String text = String.format("%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? text : text + String.format("%02d", abs % 60);
    }

    /**
     * A person's CN and address. Without an e-mail address to show, the address is one per username under
     * the reserved {@code .invalid} domain: calendars tell attendees apart by address, and the username is
     * no secret from the meeting's people (they see it in the room).
     */
    private static String person(CalendarEvent.Contact contact) {
        String address = contact.email() == null ? contact.username() + "@meeting-portal.invalid" : contact.email();
        return ";CN=" + parameter(contact.name()) + ":mailto:" + address;
    }

    private static String time(Instant instant) {
        return UTC.format(instant);
    }

    /** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545, 3.3.11). */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder();
        String normalized = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (!Character.isISOControl(c) || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Parameter values are quoted; a double quote cannot appear in them at all (RFC 5545, 3.1). */
    static String parameter(String value) {
        return "\"" + value.replace("\"", "'").chars().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "\"";
    }

    /** Appends one content line, folded so that no physical line exceeds 75 octets (RFC 5545, 3.1). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1;
            }
            out.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
