package org.meetingportal.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessTest {

    private static final Optional<ParticipantRole> NOT_NAMED = Optional.empty();

    @Test
    void theNamedTakeTheirRoleAndEveryEmployeeAttendsAMeetingOpenToAll() {
        assertEquals(Optional.of(ParticipantRole.HOST), Access.INVITED.partOf(Optional.of(ParticipantRole.HOST)));
        assertEquals(Optional.of(ParticipantRole.HOST), Access.ALL_EMPLOYEES.partOf(Optional.of(ParticipantRole.HOST)));
        assertEquals(Optional.of(ParticipantRole.ATTENDEE), Access.ALL_EMPLOYEES.partOf(NOT_NAMED));
        assertEquals(Optional.empty(), Access.INVITED.partOf(NOT_NAMED), "nobody else takes part");
    }

    @Test
    void adminsSeeEveryMeetingOthersThoseTheyTakePartIn() {
        assertTrue(Access.INVITED.visibleTo(NOT_NAMED, true));
        assertFalse(Access.INVITED.visibleTo(NOT_NAMED, false));
        assertTrue(Access.INVITED.visibleTo(Optional.of(ParticipantRole.ATTENDEE), false));
        assertTrue(Access.ALL_EMPLOYEES.visibleTo(NOT_NAMED, false));
    }
}
