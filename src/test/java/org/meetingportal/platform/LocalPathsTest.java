package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/index.xhtml", "/admin/users.xhtml?q=a&page=2", "/meeting.xhtml?id=7"})
    void returnsToPagesOfThePortal(String next) {
        assertTrue(LocalPaths.isLocal(next));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
        "index.xhtml", "/x\r\nSet-Cookie: a=b", ""})
    void neverSendsAPersonElsewhere(String next) {
        assertFalse(LocalPaths.isLocal(next));
    }
}
