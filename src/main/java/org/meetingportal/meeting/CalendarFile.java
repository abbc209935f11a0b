package org.meetingportal.meeting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a meeting as an RFC 5545 iCalendar file with one VEVENT: times in UTC, text escaped, lines ended
 * with CRLF and folded at 75 octets without splitting a character. A cancelled meeting is sent as
 * {@code METHOD:CANCEL} with {@code STATUS:CANCELLED} and a higher SEQUENCE, which calendars take as the
 * cancellation of the event with the same UID.
 */
public final class CalendarFile {

    public static final String MEDIA_TYPE = "text/calendar";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private CalendarFile() {
    }

    /** The file for {@code event}, whose meeting page is at {@code meetingUrl}. */
    public static String write(CalendarEvent event, String meetingUrl) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Meeting Portal//Meeting Portal 1.0//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:" + (event.cancelled() ? "CANCEL" : "REQUEST"));
        line(out, "BEGIN:VEVENT");
        line(out, "UID:meeting-" + event.meetingId() + "-" + event.roomId() + "@meeting-portal");
        line(out, "SEQUENCE:" + event.sequence());
        line(out, "DTSTAMP:" + time(event.stamp()));
        line(out, "DTSTART:" + time(event.start()));
        line(out, "DTEND:" + time(event.end()));
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
        line(out, "END:VCALENDAR");
        return out.toString();
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
