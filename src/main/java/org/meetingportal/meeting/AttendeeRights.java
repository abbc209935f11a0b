package org.meetingportal.meeting;

/** What attendees may send in the room; hosts may always send everything. */
public enum AttendeeRights {
    /** Camera, microphone and screen. */
    FULL,
    /** Camera and microphone, no screen sharing. */
    NO_SCREEN_SHARE,
    /** Nothing: they watch and listen. */
    VIEW_ONLY
}
