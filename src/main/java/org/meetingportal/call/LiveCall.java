package org.meetingportal.call;

/** A call the switchboard is handling, as a snapshot. */
public record LiveCall(long id, String caller, String callee, Media media, CallState state, long roomId) {
}
