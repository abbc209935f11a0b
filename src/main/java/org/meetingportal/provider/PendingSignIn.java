package org.meetingportal.provider;

import java.io.Serializable;
import java.time.Instant;

/**
 * A sign-in sent to the provider and not back yet, kept in the person's session: only the browser that
 * started it can finish it ({@code state}), only with the ID token made for it ({@code nonce}), and only the
 * portal can redeem the code ({@code codeVerifier}, PKCE). Serializable, since sessions travel between nodes.
 *
 * @param next the portal page to show once signed in
 */
public record PendingSignIn(String state, String nonce, String codeVerifier, String next, Instant startedAt)
        implements Serializable {
}
