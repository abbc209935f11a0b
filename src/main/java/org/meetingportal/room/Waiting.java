package org.meetingportal.room;

import java.time.Instant;

/** A person in a meeting's waiting room, as hosts see them: {@code GET /api/meetings/{id}/lobby}. */
public record Waiting(String userId, String displayName, Instant since, boolean guest) {
}
