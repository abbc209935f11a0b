package org.meetingportal.meeting;

/** Where a meeting stands at a given moment, as people see it. */
public enum MeetingState {
    /** Its join window has not opened yet. */
    UPCOMING,
    /** It can be joined now. */
    OPEN,
    /** Its end has passed. */
    ENDED,
    /** An admin cancelled it. */
    CANCELLED
}
