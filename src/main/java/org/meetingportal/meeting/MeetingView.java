package org.meetingportal.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A meeting as the API shows it. Times carry the offset of the meeting's own time zone; {@code state} and
 * {@code opensAt} say whether and when it can be joined; {@code yourRole} is the caller's part in it, if any.
 */
public record MeetingView(long id, String title, String description, OffsetDateTime startsAt, OffsetDateTime endsAt,
        String timeZone, long roomId, Access access, AttendeeRights attendeeRights, boolean muteOnEntry,
        WaitingRoom waitingRoom, boolean hostFirst, boolean locked, MeetingStatus status, MeetingPhase state,
        OffsetDateTime opensAt, List<Person> hosts, List<Person> attendees,
        ParticipantRole yourRole, String createdBy, int sequence, long version) {

    /** The instants, for pages that show them in the viewer's own zone. */
    public Instant startsAtInstant() {
        return startsAt.toInstant();
    }

    public Instant endsAtInstant() {
        return endsAt.toInstant();
    }

    public Instant opensAtInstant() {
        return opensAt.toInstant();
    }
}
