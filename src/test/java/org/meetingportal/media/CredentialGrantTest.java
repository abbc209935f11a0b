package org.meetingportal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.meetingportal.meeting.ParticipantRole;

/** A grant comes back from its journal line exactly as it went in, on one line. */
class CredentialGrantTest {

    private static final Instant ISSUED = Instant.parse("2026-11-21T09:15:30.123456789Z");

    @Test
    void aMeetingGrantSurvivesItsJournalLine() {
        CredentialGrant grant = new CredentialGrant("li.wei", 42L, null, ParticipantRole.ATTENDEE, 171, ISSUED,
                ISSUED.plusSeconds(300), ISSUED.plusSeconds(7200), "2001:db8::1");
        String line = grant.toJournalLine();
        assertFalse(line.contains("\n"));
        assertSame(grant, CredentialGrant.fromJournalLine(line));
    }

    @Test
    void aCallGrantWithAnOddAddressSurvivesItsJournalLine() {
        CredentialGrant grant = new CredentialGrant("ann", null, 7L, ParticipantRole.HOST, 255, ISSUED,
                ISSUED.plusSeconds(300), ISSUED.plusSeconds(7200), "\"quoted\"\n\\地址");
        String line = grant.toJournalLine();
        assertFalse(line.contains("\n"), "a line break in a value is escaped");
        CredentialGrant read = CredentialGrant.fromJournalLine(line);
        assertSame(grant, read);
        assertNull(read.getMeetingId());
    }

    private static void assertSame(CredentialGrant expected, CredentialGrant actual) {
        assertEquals(expected.getUsername(), actual.getUsername());
        assertEquals(expected.getMeetingId(), actual.getMeetingId());
        assertEquals(expected.getCallId(), actual.getCallId());
        assertEquals(expected.getRole(), actual.getRole());
        assertEquals(expected.getPrivileges(), actual.getPrivileges());
        assertEquals(expected.getIssuedAt(), actual.getIssuedAt());
        assertEquals(expected.getExpiresAt(), actual.getExpiresAt());
        assertEquals(expected.getUserSigExpiresAt(), actual.getUserSigExpiresAt());
        assertEquals(expected.getClientAddress(), actual.getClientAddress());
        assertNull(actual.getId(), "not yet persisted");
    }
}
