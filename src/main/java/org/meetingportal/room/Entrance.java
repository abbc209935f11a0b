package org.meetingportal.room;

/** Whether a person may enter a meeting's room now. */
public enum Entrance {
    IN,
    /** In the waiting room until a host decides. */
    WAITING,
    /** Nobody may enter before a host, and none has. */
    WAITING_FOR_HOST,
    /** A host said no; for good. */
    DENIED,
    /** A host took the person out; for good. */
    REMOVED
}
