package org.meetingportal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrossSiteTest {

    @Test
    void theBrowsersOwnWordCountsFirst() {
        assertTrue(CrossSite.isCrossSite("cross-site", null, "portal.example.com"));
        assertTrue(CrossSite.isCrossSite("same-site", "https://portal.example.com", "portal.example.com"));
        assertFalse(CrossSite.isCrossSite("same-origin", null, "portal.example.com"));
        assertFalse(CrossSite.isCrossSite("none", null, "portal.example.com"));
    }

    @Test
    void otherwiseTheOriginMustBeTheHostTheRequestWentTo() {
        assertFalse(CrossSite.isCrossSite(null, null, "portal.example.com"), "no Origin: not a browser's cross-site call");
        assertFalse(CrossSite.isCrossSite(null, "https://portal.example.com", "portal.example.com"));
        assertFalse(CrossSite.isCrossSite(null, "https://portal.example.com", "portal.example.com:443"));
        assertFalse(CrossSite.isCrossSite(null, "http://127.0.0.1:8080", "127.0.0.1:8080"));
        assertTrue(CrossSite.isCrossSite(null, "https://evil.example", "portal.example.com"));
        assertTrue(CrossSite.isCrossSite(null, "http://127.0.0.1:8081", "127.0.0.1:8080"));
        assertTrue(CrossSite.isCrossSite(null, "null", "portal.example.com"), "an opaque origin is never ours");
        assertTrue(CrossSite.isCrossSite(null, "https://portal.example.com", null));
        assertTrue(CrossSite.isCrossSite(null, "not a uri ^", "portal.example.com"));
    }
}
