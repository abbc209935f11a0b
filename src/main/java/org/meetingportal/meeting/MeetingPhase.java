package org.meetingportal.meeting;

/** Where a meeting stands in time at a given moment, as people see it; what was decided about it is {@link MeetingStatus}. */
public enum MeetingPhase {
    /** Its join window has not opened yet. */
    UPCOMING,
    /** It can be joined now. */
    OPEN,
    /** Its end has passed. */
    ENDED,
    /** An admin cancelled it. */
    CANCELLED
}
