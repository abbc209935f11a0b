package org.meetingportal.meeting;

import java.time.Instant;

/**
 * What the credential issuer needs to know about a person and a meeting they may take part in: the room,
 * their role, the attendee rights, and where the meeting stands.
 */
public record Admission(long meetingId, long roomId, ParticipantRole role, AttendeeRights attendeeRights,
        MeetingPhase state, Instant opensAt, Instant endsAt) {
}
