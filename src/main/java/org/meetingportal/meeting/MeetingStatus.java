package org.meetingportal.meeting;

/** What an admin decided about a meeting; whether it is on now is {@link MeetingPhase}. */
public enum MeetingStatus {
    SCHEDULED,
    CANCELLED
}
