package org.meetingportal.trtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.meetingportal.platform.Configuration;

class TencentCloudSettingsTest {

    private static final Map<String, String> ACCOUNT = Map.of(TencentCloudSettings.SECRET_ID, "AKIDexample",
            TencentCloudSettings.SECRET_KEY, "example-key", TencentCloudSettings.REGION, "ap-guangzhou");

    private static Optional<TencentCloudSettings.CloudAccount> read(Map<String, String> values) {
        return TencentCloudSettings.read(new Configuration(values::get));
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> values = new HashMap<>(ACCOUNT);
        values.put(name, value);
        return values;
    }

    private static String refusal(Map<String, String> values) {
        return assertThrows(IllegalStateException.class, () -> read(values)).getMessage();
    }

    @Test
    void noneSetIsNoCloud() {
        assertTrue(read(Map.of()).isEmpty());
    }

    @Test
    void anAccountGoesToTencentsAddressDirectly() {
        TencentCloudSettings.CloudAccount account = read(ACCOUNT).orElseThrow();
        assertEquals("trtc.tencentcloudapi.com", account.endpoint());
        assertEquals(Optional.empty(), account.proxyHost());
        assertFalse(account.toString().contains("example-key"), "the key never shows in a log");
    }

    @Test
    void aPartAloneStopsTheStartNamingWhatIsMissing() {
        String message = refusal(Map.of(TencentCloudSettings.SECRET_ID, "AKIDexample"));
        assertTrue(message.contains(TencentCloudSettings.SECRET_KEY) && message.contains(TencentCloudSettings.REGION),
                message);
        assertFalse(message.contains("AKIDexample"));
    }

    @Test
    void anEndpointMustBeTrtcsForTheSignatureToHold() {
        assertEquals("trtc.ap-guangzhou.tencentcloudapi.com",
                read(with(TencentCloudSettings.ENDPOINT, "trtc.ap-guangzhou.tencentcloudapi.com")).orElseThrow().endpoint());
        assertTrue(refusal(with(TencentCloudSettings.ENDPOINT, "127.0.0.1:8443")).contains(TencentCloudSettings.ENDPOINT));
        assertTrue(refusal(with(TencentCloudSettings.ENDPOINT, "https://trtc.tencentcloudapi.com"))
                .contains(TencentCloudSettings.ENDPOINT));
    }

    @Test
    void aProxyIsHostAndPort() {
        TencentCloudSettings.CloudAccount account = read(with(TencentCloudSettings.PROXY, "proxy.example.com:3128"))
                .orElseThrow();
        assertEquals(Optional.of("proxy.example.com"), account.proxyHost());
        assertEquals(3128, account.proxyPort());
        assertTrue(refusal(with(TencentCloudSettings.PROXY, "proxy.example.com")).contains(TencentCloudSettings.PROXY));
        assertTrue(refusal(with(TencentCloudSettings.PROXY, "proxy:99999")).contains(TencentCloudSettings.PROXY));
    }

    @Test
    void aRegionLooksLikeOne() {
        assertTrue(refusal(with(TencentCloudSettings.REGION, "Guangzhou")).contains(TencentCloudSettings.REGION));
    }

    @Test
    void retriesWaitLongerEachTimeUpToFiveMinutes() {
        assertEquals(Duration.ofSeconds(2), CloudCallService.pause(1));
        assertEquals(Duration.ofSeconds(4), CloudCallService.pause(2));
        assertEquals(Duration.ofSeconds(8), CloudCallService.pause(3));
        assertEquals(Duration.ofMinutes(5), CloudCallService.pause(9));
        assertEquals(Duration.ofMinutes(5), CloudCallService.pause(40));
    }
}
