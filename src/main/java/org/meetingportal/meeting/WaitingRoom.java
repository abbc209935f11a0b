package org.meetingportal.meeting;

/** Who waits in the meeting's lobby until a host lets them in. Hosts never wait. */
public enum WaitingRoom {
    /** Nobody: everyone the meeting names enters at once. */
    NONE,
    /** Guests only, who come by a link: people the meeting names enter at once. */
    GUESTS,
    /** Everyone but the hosts. */
    ALL_BUT_HOSTS
}
