package org.meetingportal.room;

/** What a host decided about a person in the waiting room. */
public enum LobbyDecision {
    WAITING,
    ADMITTED,
    /** For good: the person cannot ask again for this meeting. */
    DENIED,
    /** Taken out by a host once in; for good, like a denial. */
    REMOVED
}
