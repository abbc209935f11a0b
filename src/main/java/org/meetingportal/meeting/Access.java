package org.meetingportal.meeting;

/** Who may see and join a meeting besides its hosts. */
public enum Access {
    /** Only the hosts and attendees named. */
    INVITED,
    /** Every enabled employee. */
    ALL_EMPLOYEES
}
