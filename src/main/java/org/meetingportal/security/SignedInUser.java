package org.meetingportal.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * What a signed-in session holds, and all it holds: who, which session generation of theirs it belongs to,
 * since when, and the token that state-changing API calls must echo. Small and immutable, so that it can be
 * replicated across a cluster.
 */
public record SignedInUser(String username, int sessionGeneration, Instant signedInAt, String csrfToken)
        implements Serializable {

    static final String ATTRIBUTE = SignedInUser.class.getName();

    /** Whether the session has outlived its absolute limit, however active it was. */
    boolean expiredAt(Instant now, Duration maxAge) {
        return !now.isBefore(signedInAt.plus(maxAge));
    }

    SignedInUser withGeneration(int generation) {
        return new SignedInUser(username, generation, signedInAt, csrfToken);
    }
}
