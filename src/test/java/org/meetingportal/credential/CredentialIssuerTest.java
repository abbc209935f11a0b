package org.meetingportal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meetingportal.meeting.AttendeeRights;
import org.meetingportal.meeting.ParticipantRole;
import org.meetingportal.trtc.TrtcSettings;

/** What the portal signs, read back with the tests' own decoder and checked bit by bit. */
class CredentialIssuerTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final TrtcSettings.Application APP = new TrtcSettings.Application(1400000042L, KEY);

    @ParameterizedTest
    @CsvSource({
        "HOST, FULL, 255", "HOST, NO_SCREEN_SHARE, 255", "HOST, VIEW_ONLY, 255",
        "ATTENDEE, FULL, 255", "ATTENDEE, NO_SCREEN_SHARE, 191", "ATTENDEE, VIEW_ONLY, 171"})
    void signsTheRightUserRoomLifetimeAndPrivileges(ParticipantRole role, AttendeeRights rights, int expected) {
        int privileges = Privileges.of(role, rights);
        assertEquals(expected, privileges);
        long before = Instant.now().getEpochSecond();
        CredentialIssuer issuer = new CredentialIssuer(APP);
        String signedUserSig = issuer.userSig("li-wei", Duration.ofHours(2));
        String privateMapKey = issuer.privateMapKey("li-wei", 4294967294L, privileges, Duration.ofMinutes(5));
        long after = Instant.now().getEpochSecond();

        TrtcTokens.Token userSig = TrtcTokens.verify(signedUserSig, KEY);
        assertEquals("li-wei", userSig.identifier());
        assertEquals(1400000042L, userSig.sdkAppId());
        assertEquals(7200, userSig.expire());
        assertTrue(userSig.time() >= before && userSig.time() <= after);
        assertNull(userSig.userBuf(), "a UserSig carries no room");

        TrtcTokens.Token key = TrtcTokens.verify(privateMapKey, KEY);
        assertEquals("li-wei", key.identifier());
        assertEquals(300, key.expire());
        TrtcTokens.UserBuf buf = key.userBuf();
        assertEquals(0, buf.version(), "numeric room");
        assertEquals("li-wei", buf.account());
        assertEquals(1400000042L, buf.sdkAppId());
        assertEquals(4294967294L, buf.roomId());
        assertTrue(buf.expiresAt() >= before + 300 && buf.expiresAt() <= after + 301, "absolute expiry");
        assertEquals(expected, buf.privileges());
        assertEquals(0, buf.accountType());
    }

    @Test
    void everyPrivilegeBitMeansWhatTrtcSays() {
        int viewOnly = Privileges.of(ParticipantRole.ATTENDEE, AttendeeRights.VIEW_ONLY);
        assertEquals(Privileges.CREATE_ROOM | Privileges.ENTER_ROOM | Privileges.RECEIVE_AUDIO
                | Privileges.RECEIVE_VIDEO | Privileges.RECEIVE_SCREEN, viewOnly);
        for (int send : new int[] {Privileges.SEND_AUDIO, Privileges.SEND_VIDEO, Privileges.SEND_SCREEN}) {
            assertEquals(0, viewOnly & send, "view-only sends nothing");
        }
        int noScreen = Privileges.of(ParticipantRole.ATTENDEE, AttendeeRights.NO_SCREEN_SHARE);
        assertEquals(0, noScreen & Privileges.SEND_SCREEN);
        assertEquals(Privileges.RECEIVE_SCREEN, noScreen & Privileges.RECEIVE_SCREEN, "still sees others' screens");
        assertEquals(1 + 2 + 4 + 8 + 16 + 32 + 64 + 128, Privileges.ALL);
    }

    @Test
    void aTokenSignedWithAnotherKeyDoesNotVerify() {
        CredentialIssuer issuer = new CredentialIssuer(APP);
        String userSig = issuer.userSig("li-wei", Duration.ofHours(2));
        String privateMapKey = issuer.privateMapKey("li-wei", 1, 255, Duration.ofMinutes(5));
        assertThrows(AssertionError.class, () -> TrtcTokens.verify(userSig, KEY.replace('0', '1')));
        TrtcTokens.verify(TrtcTokens.tampered(privateMapKey, "TLS.expire", 300), KEY);
        String longer = TrtcTokens.tampered(privateMapKey, "TLS.expire", 86_400);
        assertThrows(AssertionError.class, () -> TrtcTokens.verify(longer, KEY), "a longer life, same signature");
    }

    @Test
    void neitherTheCredentialNorTheApplicationShowsItsSecretsInLogs() {
        CredentialIssuer issuer = new CredentialIssuer(APP);
        Credential credential = new Credential(1400000042L, "li-wei", issuer.userSig("li-wei", Duration.ofHours(2)), 1,
                issuer.privateMapKey("li-wei", 1, 255, Duration.ofMinutes(5)), 255, ParticipantRole.HOST,
                Instant.now(), Instant.now());
        assertTrue(!credential.toString().contains(credential.userSig())
                && !credential.toString().contains(credential.privateMapKey()) && !APP.toString().contains(KEY));
    }
}
