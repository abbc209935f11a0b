package org.meetingportal.call;

/** Someone to call: TRTC userId, display name, and whether they can be reached now. */
public record Colleague(String userId, String displayName, Presence presence) {
}
