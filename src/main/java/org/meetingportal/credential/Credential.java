package org.meetingportal.credential;

import java.time.Instant;
import org.meetingportal.meeting.ParticipantRole;

/**
 * What {@code POST /api/meetings/{id}/credentials} answers: everything the Web SDK's {@code enterRoom} needs,
 * the role and privilege bits the server decided, and when to ask again ({@code expiresAt}, the earlier of
 * the two lifetimes; {@code userSigExpiresAt} for the UserSig alone).
 */
public record Credential(long sdkAppId, String userId, String userSig, long roomId, String privateMapKey,
        int privileges, ParticipantRole role, Instant expiresAt, Instant userSigExpiresAt) {

    @Override
    public String toString() {
        return "Credential[user=" + userId + ", room=" + roomId + ", privileges=" + privileges + "]";
    }
}
