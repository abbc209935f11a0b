package org.meetingportal.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A meeting as the API shows it. Times carry the offset of the meeting's own time zone; {@code state} and
 * {@code opensAt} say whether and when it can be joined; {@code yourRole} is the caller's part in it, if any. An
 * occurrence of a series names it, its rule, whether it was changed alone ({@code detached}), and the next few
 * occurrences after it.
 */
public record MeetingView(long id, String title, String description, OffsetDateTime startsAt, OffsetDateTime endsAt,
        String timeZone, long roomId, Access access, AttendeeRights attendeeRights, boolean muteOnEntry,
        WaitingRoom waitingRoom, boolean hostFirst, boolean locked, MeetingStatus status, MeetingPhase state,
        OffsetDateTime opensAt, List<Person> hosts, List<Person> attendees,
        ParticipantRole yourRole, String createdBy, int sequence, long version, Long seriesId,
        RecurrenceView recurrence, boolean detached, List<OffsetDateTime> nextOccurrences) {

    /** How the meeting's series repeats, in the names the API takes; absent for a single meeting. */
    public record RecurrenceView(String frequency, int interval, List<String> byDay, Integer bySetPos, String until,
            Integer count) {

        static RecurrenceView of(Recurrence rule) {
            return new RecurrenceView(rule.frequency().name(), rule.interval(),
                    rule.days().stream().map(Recurrence::dayCode).toList(), rule.bySetPos(),
                    rule.until() == null ? null : rule.until().toString(), rule.count());
        }
    }

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
