package org.meetingportal.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meetingportal.platform.Configuration;

class SchedulingTest {

    private static Configuration setting(String value) {
        return new Configuration(name -> Scheduling.SETTING.equals(name) ? value : null);
    }

    @Test
    void everyoneSchedulesUnlessTheCompanyKeepsItToAdmins() {
        assertEquals(Scheduling.EVERYONE, Scheduling.of(setting(null)));
        assertEquals(Scheduling.EVERYONE, Scheduling.of(setting("everyone")));
        assertEquals(Scheduling.ADMINS, Scheduling.of(setting("admins")));
    }

    @Test
    void aMistypedSettingStopsTheStartNamingIt() {
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> Scheduling.of(setting("all")));
        assertTrue(wrong.getMessage().startsWith("PORTAL_SCHEDULING must be everyone or admins"), wrong.getMessage());
    }

    @Test
    void aPlanWithItsPlannerAmongTheHostsTakesThemOutOfTheAttendees() {
        MeetingPlan plan = new MeetingPlan("t", "", Instant.EPOCH, Instant.EPOCH.plusSeconds(60),
                ZoneId.of("UTC"), Access.INVITED, AttendeeRights.FULL, false, WaitingRoom.NONE, false,
                Set.of("ann"), Set.of("bob", "cy"));
        MeetingPlan planned = plan.withHost("bob");
        assertEquals(Set.of("ann", "bob"), planned.hosts());
        assertEquals(Set.of("cy"), planned.attendees());
    }
}
