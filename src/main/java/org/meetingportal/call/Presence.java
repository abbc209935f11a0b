package org.meetingportal.call;

/** Whether a colleague can be called now: a portal page open somewhere, and whether they are in a call. */
public enum Presence {
    OFFLINE,
    ONLINE,
    IN_CALL
}
