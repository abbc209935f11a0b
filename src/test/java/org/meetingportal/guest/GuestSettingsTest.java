package org.meetingportal.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meetingportal.platform.Configuration;

class GuestSettingsTest {

    private static Configuration setting(String value) {
        return new Configuration(name -> GuestService.SETTING.equals(name) ? value : null);
    }

    @Test
    void guestsAreOnUnlessTheCompanyTurnsThemOff() {
        assertTrue(GuestService.allowed(setting(null)));
        assertTrue(GuestService.allowed(setting("on")));
        assertFalse(GuestService.allowed(setting("off")));
    }

    @Test
    void aMistypedSettingStopsTheStartNamingIt() {
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> GuestService.allowed(setting("no")));
        assertTrue(wrong.getMessage().startsWith("PORTAL_GUESTS must be on or off"), wrong.getMessage());
    }

    @Test
    void passcodesAreEightDigitsAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String passcode = GuestService.passcode();
            assertTrue(passcode.matches("\\d{8}"), passcode);
            seen.add(passcode);
        }
        assertTrue(seen.size() > 195, "random, not a sequence: " + seen.size());
    }

    @Test
    void tokensAreKeptAsTheirSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", GuestService.sha256("abc"));
    }
}
