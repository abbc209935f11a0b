package org.meetingportal.meeting;

/** What was decided about a meeting; whether it is on now is {@link MeetingPhase}. */
public enum MeetingStatus {
    SCHEDULED,
    /** By an admin or a host, before it began or while it was planned; people's calendars drop it. */
    CANCELLED,
    /** A host ended it for everyone while it ran; it stays in the history. */
    ENDED
}
