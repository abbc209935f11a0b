package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    void theConfiguredUrlWinsWhateverTheRequestSays() {
        assertEquals("https://meet.example.com",
                PublicUrl.base(Optional.of("https://meet.example.com"), "http", "10.0.0.5", 8080, ""));
        assertEquals("https://meet.example.com/portal",
                PublicUrl.base(Optional.of("https://meet.example.com/portal"), "http", "10.0.0.5", 8080, "/ctx"));
    }

    @Test
    void otherwiseTheAddressTheConnectionReached() {
        assertEquals("http://10.0.0.5:8080", PublicUrl.base(Optional.empty(), "http", "10.0.0.5", 8080, ""));
        assertEquals("https://10.0.0.5/portal", PublicUrl.base(Optional.empty(), "https", "10.0.0.5", 443, "/portal"));
        assertEquals("http://10.0.0.5", PublicUrl.base(Optional.empty(), "http", "10.0.0.5", 80, ""));
        assertEquals("http://[0:0:0:0:0:0:0:1]:8080",
                PublicUrl.base(Optional.empty(), "http", "0:0:0:0:0:0:0:1%lo", 8080, ""));
    }
}
