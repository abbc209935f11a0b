package org.meetingportal.meeting;

import java.time.Instant;

/**
 * What the credential issuer needs to know about a person and a meeting they may take part in: the room,
 * their role, the attendee rights, and where the meeting stands.
 */
public record Admission(long meetingId, long roomId, ParticipantRole role, AttendeeRights attendeeRights,
        MeetingPhase state, Instant opensAt, Instant endsAt, Door door, boolean guest) {

    /** Who may walk in: the meeting's waiting room, whether a host must come first, and whether one has. */
    public record Door(WaitingRoom waitingRoom, boolean hostFirst, boolean locked, boolean hostEntered) {
    }

    /** Whether this person must wait for a host's yes: hosts never do, guests always. */
    public boolean mustBeAdmitted() {
        return guest || role != ParticipantRole.HOST && (door.waitingRoom() == WaitingRoom.ALL_BUT_HOSTS || door.locked());
    }

    /** Whether this person must wait until a host has entered; hosts never do. */
    public boolean mustAwaitHost() {
        return role != ParticipantRole.HOST && door.hostFirst() && !door.hostEntered();
    }
}
