package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void anIpv6ClientCountsAsItsWholeSlash64() {
        String network = "2001:db8:1:2:0:0:0:0/64";
        assertEquals(network, IpAddresses.limitedNetwork("2001:db8:1:2::1"));
        assertEquals(network, IpAddresses.limitedNetwork("2001:DB8:1:2:ffff:ffff:ffff:ffff"));
        assertEquals(network, IpAddresses.limitedNetwork("[2001:db8:1:2:abcd::42]"));
        assertEquals("2001:db8:1:3:0:0:0:0/64", IpAddresses.limitedNetwork("2001:db8:1:3::1"));
        assertEquals("0:0:0:0:0:0:0:0/64", IpAddresses.limitedNetwork("::1"));
    }

    @Test
    void anIpv4ClientCountsAsItself() {
        assertEquals("192.0.2.7", IpAddresses.limitedNetwork("192.0.2.7"));
        assertEquals("192.0.2.7", IpAddresses.limitedNetwork("::ffff:192.0.2.7"), "a mapped IPv4 address is IPv4");
        assertEquals("not an address", IpAddresses.limitedNetwork("not an address"));
    }
}
