package org.meetingportal.room;

/**
 * A host's removal: who, whether this call removed them (false when they were removed already), and whether
 * Tencent Cloud is asked to take them out of the room too.
 */
public record Removal(long meetingId, String userId, boolean removedNow, boolean cloudAsked) {
}
