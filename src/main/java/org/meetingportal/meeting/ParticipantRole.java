package org.meetingportal.meeting;

/** How a person takes part in a meeting. */
public enum ParticipantRole {
    HOST,
    ATTENDEE
}
