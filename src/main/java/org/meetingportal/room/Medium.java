package org.meetingportal.room;

/** What a person sends into the room, and what a host may stop or withhold. */
public enum Medium {
    AUDIO,
    VIDEO,
    SCREEN
}
