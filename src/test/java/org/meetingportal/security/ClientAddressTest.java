package org.meetingportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.IpAddresses;

class ClientAddressTest {

    private static final Set<String> PROXY = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1");

    private static String resolve(String remote, Set<String> trusted, String... forwardedFor) {
        return ClientAddress.resolve(remote, Collections.enumeration(List.of(forwardedFor)), trusted);
    }

    @Test
    void withoutATrustedProxyTheHeaderIsIgnored() {
        assertEquals("203.0.113.9", resolve("203.0.113.9", Set.of(), "198.51.100.1"));
        assertEquals("203.0.113.9", resolve("203.0.113.9", PROXY, "198.51.100.1"), "only the proxy is believed");
    }

    @Test
    void behindTheProxyTheClientIsTheRightMostUntrustedHop() {
        assertEquals("198.51.100.1", resolve("127.0.0.1", PROXY, "198.51.100.1"));
        assertEquals("198.51.100.1", resolve("127.0.0.1", PROXY, "6.6.6.6, 198.51.100.1"),
                "what the client planted on the left is not believed");
        assertEquals("198.51.100.1", resolve("127.0.0.1", PROXY, "6.6.6.6", "198.51.100.1, 127.0.0.1"),
                "several headers and a chain of trusted proxies");
        assertEquals("2001:db8:0:0:0:0:0:7", resolve("::1", PROXY, "2001:db8::7"), "IPv6, spelled either way");
    }

    @Test
    void garbageOrNothingForwardedLeavesTheProxy() {
        assertEquals("127.0.0.1", resolve("127.0.0.1", PROXY));
        assertEquals("127.0.0.1", resolve("127.0.0.1", PROXY, "unknown"));
        assertEquals("127.0.0.1", resolve("127.0.0.1", PROXY, "evil.example.com"), "never a name lookup");
        for (String notAnAddress : List.of("cafe.de", "deadbeef.ca", "1.2.3.4.5", "1.2.3", "256.1.1.1", "::g")) {
            assertTrue(IpAddresses.normalize(notAnAddress).isEmpty(), notAnAddress);
        }
        assertEquals("10.0.0.1", IpAddresses.normalize(" 10.0.0.1 ").orElseThrow());
        assertEquals("0:0:0:0:0:0:0:1", IpAddresses.normalize("[::1]").orElseThrow());
    }

    @Test
    void theSettingTakesAddressesAndRefusesAnythingElse() {
        assertEquals(Set.of("127.0.0.1", "10.0.0.5", "0:0:0:0:0:0:0:1"),
                new Configuration(Map.of("PORTAL_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.5 ::1")::get).trustedProxies());
        assertEquals(Set.of(), new Configuration(name -> null).trustedProxies());
        IllegalStateException wrong = assertThrows(IllegalStateException.class,
                () -> new Configuration(Map.of("PORTAL_TRUSTED_PROXIES", "proxy.internal")::get).trustedProxies());
        assertTrue(wrong.getMessage().contains("PORTAL_TRUSTED_PROXIES"), wrong.getMessage());
    }
}
