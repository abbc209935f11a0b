package org.meetingportal.chat;

import java.util.List;

/**
 * A meeting's chat for one reader: everything said so far, whether attendees may write now, and whether this
 * reader may.
 */
public record ChatView(boolean closedToAttendees, boolean youMayWrite, List<ChatEntry> messages) {
}
