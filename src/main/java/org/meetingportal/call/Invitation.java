package org.meetingportal.call;

/** A new call a caller asks for; the id and room come from the record already written. */
public record Invitation(long id, String caller, String callerConnection, String callee, Media media, long roomId) {
}
