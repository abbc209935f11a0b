package org.meetingportal.meeting;

/** Someone in a meeting as a video tile or a list labels them: the TRTC userId and the display name. */
public record Person(String userId, String displayName, ParticipantRole role) {
}
