package org.meetingportal.call;

/** A page's call socket closed: whatever the page had announced on it no longer holds. */
public record PageClosed(String username, String connection) {
}
