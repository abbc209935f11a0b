package org.meetingportal.trtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.meetingportal.platform.Configuration;

class TrtcSettingsTest {

    private static final String KEY = "5f3c9a1e7b2d4c6e8f0a1b3c5d7e9f2a4b6c8d0e1f3a5b7c9d1e3f5a7b9c0d2e";

    private static Optional<TrtcSettings.Application> read(Map<String, String> values) {
        return TrtcSettings.read(new Configuration(values::get));
    }

    @Test
    void bothUnsetMeansVideoIsOff() {
        assertEquals(Optional.empty(), read(Map.of()));
    }

    @Test
    void readsAValidApplication() {
        TrtcSettings.Application app = read(Map.of("TRTC_SDK_APP_ID", "1400000042", "TRTC_SECRET_KEY", KEY)).orElseThrow();
        assertEquals(1400000042L, app.sdkAppId());
        assertEquals(KEY, app.secretKey());
        String shortest = "0123456789ABCDEF0123456789abcdef";
        assertEquals(shortest, read(Map.of("TRTC_SDK_APP_ID", "1400000042", "TRTC_SECRET_KEY", shortest)).orElseThrow().secretKey());
        assertEquals(4294967295L, read(Map.of("TRTC_SDK_APP_ID", "4294967295", "TRTC_SECRET_KEY", KEY)).orElseThrow().sdkAppId());
    }

    @Test
    void badValuesStopWithAMessageThatNamesTheSettingButNeverShowsTheKey() {
        for (String appId : new String[] {"0", "4294967296", "-1", "abc", "1.5"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> read(Map.of("TRTC_SDK_APP_ID", appId, "TRTC_SECRET_KEY", KEY)));
            assertTrue(e.getMessage().contains("TRTC_SDK_APP_ID"), e.getMessage());
            assertFalse(e.getMessage().contains(KEY));
        }
        for (String key : new String[] {"short", "has spaces in the middle of it", "ключ-ключ-ключ-ключ",
                "0123456789abcdef", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdeg",
                "visible-ascii-but-not-hex-at-all-0123456789"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> read(Map.of("TRTC_SDK_APP_ID", "1400000042", "TRTC_SECRET_KEY", key)));
            assertTrue(e.getMessage().contains("TRTC_SECRET_KEY"));
            assertFalse(e.getMessage().contains(key));
        }
        assertThrows(IllegalStateException.class, () -> read(Map.of("TRTC_SDK_APP_ID", "1400000042")));
        IllegalStateException onlyKey = assertThrows(IllegalStateException.class, () -> read(Map.of("TRTC_SECRET_KEY", KEY)));
        assertFalse(onlyKey.getMessage().contains(KEY));
    }
}
