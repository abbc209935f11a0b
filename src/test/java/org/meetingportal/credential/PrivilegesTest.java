package org.meetingportal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meetingportal.meeting.AttendeeRights;
import org.meetingportal.meeting.ParticipantRole;
import org.meetingportal.room.Medium;

class PrivilegesTest {

    @Test
    void whatAHostWithholdsIsSentNoMoreAndNothingElseChanges() {
        assertEquals(255, Privileges.without(Privileges.ALL, Set.of()));
        assertEquals(255 - 4, Privileges.without(Privileges.ALL, Set.of(Medium.AUDIO)));
        assertEquals(255 - 16, Privileges.without(Privileges.ALL, Set.of(Medium.VIDEO)));
        assertEquals(255 - 64, Privileges.without(Privileges.ALL, Set.of(Medium.SCREEN)));
        assertEquals(1 | 2 | 8 | 32 | 128, Privileges.without(Privileges.ALL, EnumSet.allOf(Medium.class)),
                "still enters and receives everything");
    }

    @Test
    void withholdingOnTopOfTheMeetingsRightsTakesOnlyWhatWasThere() {
        int noScreen = Privileges.of(ParticipantRole.ATTENDEE, AttendeeRights.NO_SCREEN_SHARE);
        assertEquals(noScreen & ~4, Privileges.without(noScreen, Set.of(Medium.AUDIO, Medium.SCREEN)));
        int viewOnly = Privileges.of(ParticipantRole.ATTENDEE, AttendeeRights.VIEW_ONLY);
        assertEquals(viewOnly, Privileges.without(viewOnly, EnumSet.allOf(Medium.class)));
    }
}
