package org.meetingportal.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    private static Admission of(ParticipantRole role, WaitingRoom waitingRoom, boolean hostFirst, boolean locked,
            boolean hostEntered) {
        Instant now = Instant.parse("2026-12-06T09:00:00Z");
        return new Admission(1, 2, role, AttendeeRights.FULL, MeetingPhase.OPEN, now, now.plusSeconds(3600),
                new Admission.Door(waitingRoom, hostFirst, locked, hostEntered), false);
    }

    @Test
    void everyoneButTheHostsWaitsForAYesWhereTheMeetingSaysSoOrAHostLockedIt() {
        for (WaitingRoom room : WaitingRoom.values()) {
            for (boolean locked : new boolean[] {false, true}) {
                boolean expected = room == WaitingRoom.ALL_BUT_HOSTS || locked;
                assertEquals(expected, of(ParticipantRole.ATTENDEE, room, false, locked, false).mustBeAdmitted(),
                        room + (locked ? " locked" : ""));
                assertEquals(false, of(ParticipantRole.HOST, room, true, locked, false).mustBeAdmitted(), "hosts");
            }
        }
        assertEquals(false, of(ParticipantRole.ATTENDEE, WaitingRoom.GUESTS, false, false, false).mustBeAdmitted(),
                "people the meeting names are no guests");
    }

    @Test
    void nobodyBeforeAHostHoldsOnlyUntilOneHasEntered() {
        assertEquals(true, of(ParticipantRole.ATTENDEE, WaitingRoom.NONE, true, false, false).mustAwaitHost());
        assertEquals(false, of(ParticipantRole.ATTENDEE, WaitingRoom.NONE, true, false, true).mustAwaitHost());
        assertEquals(false, of(ParticipantRole.ATTENDEE, WaitingRoom.NONE, false, false, false).mustAwaitHost());
        assertEquals(false, of(ParticipantRole.HOST, WaitingRoom.NONE, true, false, false).mustAwaitHost());
    }
}
