package org.meetingportal.room;

/**
 * Someone in a running meeting's room now, as the door let them in: their TRTC userId, the name others see,
 * and whether they run the room (a host or a co-host).
 */
public record RoomMember(long meetingId, String userId, String displayName, boolean runsRoom) {
}
