package org.meetingportal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuestScopeTest {

    @Test
    void aGuestCountsOnTheirRoomPageTheirSocketAndTheirMeetingsRoomApi() {
        for (String path : List.of("/guest-room.xhtml", "/ws/calls", "/api/session", "/api/meetings/7/credentials",
                "/api/meetings/7/chat", "/api/meetings/7/chat/transcript", "/api/meetings/7/roster",
                "/api/meetings/7/reactions")) {
            assertTrue(GuestScope.covers(path, 7), path);
        }
    }

    @Test
    void everywhereElseAGuestIsAnAnonymousVisitor() {
        for (String path : List.of("/index.xhtml", "/meeting.xhtml", "/api/me", "/api/meetings", "/api/meetings/7",
                "/api/meetings/8/chat", "/api/meetings/07/chat", "/api/meetings/7/chat/settings",
                "/api/meetings/7/lobby", "/api/meetings/7/guest-link", "/api/meetings/7/end",
                "/api/meetings/7/participants", "/api/meetings/7/participants/bob/remove", "/api/meetings/7/chat/", "/api/meetings/7/chat;x=1",
                "/api/meetings/7/../8/chat", "/api/meetings/7%2Fchat", "/guest-room.xhtml/x", "/admin/users.xhtml",
                "/api/users", "/API/meetings/7/chat")) {
            assertFalse(GuestScope.covers(path, 7), path);
        }
    }
}
