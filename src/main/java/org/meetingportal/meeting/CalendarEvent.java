package org.meetingportal.meeting;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.meetingportal.account.Account;

/** Everything a calendar file says about one meeting, read in one go from the database. */
public record CalendarEvent(long meetingId, long roomId, int sequence, Instant stamp, Instant start, Instant end,
        String summary, String description, boolean cancelled, Contact organizer, List<Contact> attendees) {

    /** A person as a calendar names them. */
    public record Contact(String name, String email, ParticipantRole role) {
    }

    static CalendarEvent of(Meeting meeting, Map<String, Account> people, Instant now) {
        List<Contact> contacts = meeting.getParticipants().stream()
                .sorted(Comparator.comparing(Participant::getRole).thenComparing(Participant::getUsername))
                .map(p -> contact(p.getUsername(), p.getRole(), people))
                .toList();
        Contact organizer = contacts.stream().filter(c -> c.role() == ParticipantRole.HOST).findFirst()
                .orElse(contact(meeting.getCreatedBy(), ParticipantRole.HOST, people));
        return new CalendarEvent(meeting.getId(), meeting.getRoomId(), meeting.getSequence(), now,
                meeting.getStartsAt(), meeting.getEndsAt(), meeting.getTitle(), meeting.getDescription(),
                meeting.getStatus() == MeetingStatus.CANCELLED, organizer, contacts);
    }

    private static Contact contact(String username, ParticipantRole role, Map<String, Account> people) {
        Account account = people.get(username);
        return account == null ? new Contact(username, null, role) : new Contact(account.displayName(), account.email(), role);
    }
}
