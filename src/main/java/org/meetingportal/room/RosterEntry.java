package org.meetingportal.room;

import java.time.Instant;

/**
 * One person in a meeting's room now, as {@code GET /api/meetings/{id}/roster} and the participants panel show
 * them: their role, what their pages send (any of their pages), and since when their hand is up, if it is.
 */
public record RosterEntry(String userId, String displayName, String role, boolean micOn, boolean cameraOn,
        boolean sharingScreen, Instant handRaisedAt, Instant since, boolean guest) {
}
