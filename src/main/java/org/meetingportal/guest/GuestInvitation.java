package org.meetingportal.guest;

import java.time.Instant;

/**
 * A new guest link as its host gets it, once: the link, and the passcode to pass on separately. Neither is
 * kept; only their hashes are.
 */
public record GuestInvitation(String url, String passcode, Instant expiresAt) {
}
