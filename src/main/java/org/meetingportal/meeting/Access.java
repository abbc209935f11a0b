package org.meetingportal.meeting;

import java.util.Optional;

/**
 * Who may see and join a meeting besides its hosts, and the one rule that follows from it. The lists of
 * meetings apply the same rule as a query ({@link Meeting#VISIBLE}).
 */
public enum Access {
    /** Only the hosts and attendees named. */
    INVITED,
    /** Every enabled employee. */
    ALL_EMPLOYEES;

    /**
     * The part a person takes in a meeting of this access: the role they were named with, else an attendee's
     * when the meeting is open to all employees, else none.
     */
    public Optional<ParticipantRole> partOf(Optional<ParticipantRole> named) {
        return named.isPresent() ? named : this == ALL_EMPLOYEES ? Optional.of(ParticipantRole.ATTENDEE) : Optional.empty();
    }

    /** Whether a person sees a meeting of this access: admins see every meeting, others those they take part in. */
    public boolean visibleTo(Optional<ParticipantRole> named, boolean admin) {
        return admin || partOf(named).isPresent();
    }
}
