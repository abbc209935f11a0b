package org.meetingportal.meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.meetingportal.account.Account;

/**
 * Everything a calendar file says about one meeting, read in one go from the database: a single meeting, or
 * a series ({@code repeating} with its rule) or one of its occurrences changed alone ({@code repeating} with the
 * start the rule gave it).
 */
public record CalendarEvent(long meetingId, long roomId, int sequence, Instant stamp, Instant start, Instant end,
        String summary, String description, boolean cancelled, Contact organizer, List<Contact> attendees,
        Repeating repeating) {

    /**
     * The part of a series: its id, its zone (times are written in it, with a VTIMEZONE), and either its rule
     * (UNTIL in UTC), the occurrences cancelled alone and the end of its last occurrence, or, for an occurrence
     * changed alone, the start the rule gave it.
     */
    public record Repeating(long seriesId, String uid, ZoneId zone, String rule, List<Instant> excluded, Instant lastEnds,
            Instant recurrenceId) {

        public Repeating {
            excluded = List.copyOf(excluded);
        }
    }

    /** A person as a calendar names them; {@code email} is null when unknown or not for this reader. */
    public record Contact(String username, String name, String email, ParticipantRole role) {
    }

    /**
     * The file {@code viewer} gets: hosts of the meeting and admins see everyone's e-mail address; anyone
     * else (in a meeting open to all employees, any employee) sees names and only their own address.
     */
    static CalendarEvent of(Meeting meeting, Map<String, Account> people, Instant now, Account viewer,
            Repeating repeating) {
        return new CalendarEvent(meeting.getId(), meeting.getRoomId(), meeting.getSequence(), now,
                meeting.getStartsAt(), meeting.getEndsAt(), meeting.getTitle(), meeting.getDescription(),
                meeting.getStatus() == MeetingStatus.CANCELLED, null, List.of(), repeating)
                .with(meeting.getParticipants(), meeting.getCreatedBy(), people, viewer);
    }

    /** The series itself, as its first occurrence with its rule. */
    static CalendarEvent of(MeetingSeries series, Map<String, Account> people, Instant now, Account viewer,
            Repeating repeating) {
        return new CalendarEvent(series.getId(), series.getRoomId(), series.getSequence(), now,
                series.getFirstStartsAt(), series.getFirstStartsAt().plus(series.length()), series.getTitle(),
                series.getDescription(), series.isCancelled(), null, List.of(), repeating)
                .with(series.getParticipants(), series.getCreatedBy(), people, viewer);
    }

    /** This event with its people as {@code viewer} may read them; everyone's addresses for no viewer. */
    private CalendarEvent with(Collection<Participant> participants, String createdBy, Map<String, Account> people,
            Account viewer) {
        boolean seesAddresses = viewer == null || viewer.isAdmin() || participants.stream()
                .anyMatch(p -> p.getRole() == ParticipantRole.HOST && p.getUsername().equals(viewer.username()));
        List<Contact> contacts = participants.stream()
                .sorted(Comparator.comparing(Participant::getRole).thenComparing(Participant::getUsername))
                .map(p -> contact(p.getUsername(), p.getRole(), people))
                .toList();
        Contact host = contacts.stream().filter(c -> c.role() == ParticipantRole.HOST).findFirst()
                .orElse(contact(createdBy, ParticipantRole.HOST, people));
        return new CalendarEvent(meetingId, roomId, sequence, stamp, start, end, summary, description, cancelled,
                host, contacts, repeating).readBy(viewer == null ? null : viewer.username(), seesAddresses);
    }

    /**
     * What calendars know the entry by: a single meeting's own, or its series' (which is the meeting's own when
     * the series grew out of a single meeting, so that calendars turn that entry into the series).
     */
    public String uid() {
        return repeating == null ? "meeting-" + meetingId + "-" + roomId : repeating.uid();
    }

    /** The same event called off, as sent to someone who is no longer asked to it. */
    CalendarEvent calledOff() {
        return new CalendarEvent(meetingId, roomId, sequence, stamp, start, end, summary, description, true,
                organizer, attendees, repeating);
    }

    /** Whether {@code username} is among the event's hosts, who see everyone's addresses. */
    boolean isHost(String username) {
        return attendees.stream().anyMatch(c -> c.role() == ParticipantRole.HOST && c.username().equals(username));
    }

    /** This event without the e-mail addresses of anyone but {@code reader}, unless {@code seesAddresses}. */
    CalendarEvent readBy(String reader, boolean seesAddresses) {
        if (seesAddresses) {
            return this;
        }
        return new CalendarEvent(meetingId, roomId, sequence, stamp, start, end, summary, description, cancelled,
                withoutAddress(organizer, reader), attendees.stream().map(c -> withoutAddress(c, reader)).toList(),
                repeating);
    }

    private static Contact withoutAddress(Contact contact, String reader) {
        return contact.username().equals(reader) ? contact
                : new Contact(contact.username(), contact.name(), null, contact.role());
    }

    private static Contact contact(String username, ParticipantRole role, Map<String, Account> people) {
        Account account = people.get(username);
        return account == null ? new Contact(username, username, null, role)
                : new Contact(username, account.displayName(), account.email(), role);
    }
}
