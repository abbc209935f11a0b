package org.meetingportal.meeting;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.meetingportal.account.Account;

/** Everything a calendar file says about one meeting, read in one go from the database. */
public record CalendarEvent(long meetingId, long roomId, int sequence, Instant stamp, Instant start, Instant end,
        String summary, String description, boolean cancelled, Contact organizer, List<Contact> attendees) {

    /** A person as a calendar names them; {@code email} is null when unknown or not for this reader. */
    public record Contact(String username, String name, String email, ParticipantRole role) {
    }

    /**
     * The file {@code viewer} gets: hosts of the meeting and admins see everyone's e-mail address; anyone
     * else (in a meeting open to all employees, any employee) sees names and only their own address.
     */
    static CalendarEvent of(Meeting meeting, Map<String, Account> people, Instant now, Account viewer) {
        boolean seesAddresses = viewer.isAdmin() || meeting.getParticipants().stream()
                .anyMatch(p -> p.getRole() == ParticipantRole.HOST && p.getUsername().equals(viewer.username()));
        List<Contact> contacts = meeting.getParticipants().stream()
                .sorted(Comparator.comparing(Participant::getRole).thenComparing(Participant::getUsername))
                .map(p -> contact(p.getUsername(), p.getRole(), people))
                .toList();
        Contact organizer = contacts.stream().filter(c -> c.role() == ParticipantRole.HOST).findFirst()
                .orElse(contact(meeting.getCreatedBy(), ParticipantRole.HOST, people));
        return new CalendarEvent(meeting.getId(), meeting.getRoomId(), meeting.getSequence(), now,
                meeting.getStartsAt(), meeting.getEndsAt(), meeting.getTitle(), meeting.getDescription(),
                meeting.getStatus() == MeetingStatus.CANCELLED, organizer, contacts)
                .readBy(viewer.username(), seesAddresses);
    }

    /** This event without the e-mail addresses of anyone but {@code reader}, unless {@code seesAddresses}. */
    CalendarEvent readBy(String reader, boolean seesAddresses) {
        if (seesAddresses) {
            return this;
        }
        return new CalendarEvent(meetingId, roomId, sequence, stamp, start, end, summary, description, cancelled,
                withoutAddress(organizer, reader), attendees.stream().map(c -> withoutAddress(c, reader)).toList());
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
