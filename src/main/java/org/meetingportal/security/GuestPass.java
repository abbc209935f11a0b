package org.meetingportal.security;

import java.io.Serializable;

/**
 * What a guest's session holds besides their userId: the one meeting their link let them into, that link, and
 * the name they gave. The meeting comes from here, never from what the guest's page sends.
 */
public record GuestPass(long meetingId, long linkId, String displayName) implements Serializable {
}
