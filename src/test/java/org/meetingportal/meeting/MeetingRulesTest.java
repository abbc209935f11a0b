package org.meetingportal.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FieldProblem;

class MeetingRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    private static MeetingInput input(String title, String starts, String ends, String zone, List<String> hosts,
            List<String> attendees) {
        return new MeetingInput(title, "Agenda", starts, ends, zone, hosts, attendees, null, null, null, null, null, null, null, null);
    }

    private static List<String> fieldsOf(MeetingInput input) {
        DomainException e = assertThrows(DomainException.class, () -> MeetingRules.plan(input, "admin", NOW));
        return e.fieldProblems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void aValidMeetingBecomesAPlanWithDefaults() {
        MeetingPlan plan = MeetingRules.plan(input("  Weekly sync ", "2026-12-01T09:00:00+08:00",
                "2026-12-01T10:00:00+08:00", "Asia/Shanghai", List.of(), List.of("alice", " bob ", "")), "admin", NOW);
        assertEquals("Weekly sync", plan.title());
        assertEquals(Instant.parse("2026-12-01T01:00:00Z"), plan.startsAt());
        assertEquals(Set.of("admin"), plan.hosts(), "the creator hosts when nobody else is named");
        assertEquals(Set.of("alice", "bob"), plan.attendees());
        assertEquals(Access.INVITED, plan.access());
        assertEquals(AttendeeRights.FULL, plan.attendeeRights());
    }

    @Test
    void aMeetingMayStartNowOrHaveStartedButNotHaveEnded() {
        MeetingRules.plan(input("Meet now", "2026-11-21T07:30:00Z", "2026-11-21T09:00:00Z", "UTC", List.of(), List.of()),
                "admin", NOW);
        assertEquals(List.of("endsAt"), fieldsOf(input("Over", "2026-11-21T06:00:00Z", "2026-11-21T08:00:00Z", "UTC",
                List.of(), List.of())));
    }

    @Test
    void theEndComesAfterTheStartAndAtMostADayLater() {
        assertEquals(List.of("endsAt"), fieldsOf(input("Backwards", "2026-12-01T10:00:00Z", "2026-12-01T09:00:00Z",
                "UTC", List.of(), List.of())));
        assertEquals(List.of("endsAt"), fieldsOf(input("Zero", "2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z",
                "UTC", List.of(), List.of())));
        MeetingRules.plan(input("A whole day", "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", "UTC", List.of(),
                List.of()), "admin", NOW);
        assertEquals(List.of("endsAt"), fieldsOf(input("Too long", "2026-12-01T00:00:00Z", "2026-12-02T00:00:01Z",
                "UTC", List.of(), List.of())));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        MeetingInput bad = new MeetingInput(" ", "x".repeat(4001), "tomorrow", "", "Mars/Olympus",
                List.of("no spaces"), List.of("bad;name"), "SECRET", "LOUD", null, "SOMETIMES", null, null,
                new MeetingInput.RecurrenceInput("HOURLY", 0, null, null, null, null), null);
        assertEquals(List.of("title", "description", "startsAt", "endsAt", "timeZone", "access", "attendeeRights",
                "waitingRoom", "hosts", "attendees", "recurrence.frequency", "recurrence.interval", "recurrence.until"),
                fieldsOf(bad));
    }

    @Test
    void timesNeedAnOffsetAndZonesARegion() {
        assertEquals(List.of("startsAt"), fieldsOf(input("No offset", "2026-12-01T09:00:00", "2026-12-01T10:00:00Z",
                "UTC", List.of(), List.of())));
        assertEquals(List.of("timeZone"), fieldsOf(input("Offset zone", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z",
                "+08:00", List.of(), List.of())));
    }

    @Test
    void titlesMayBeChineseAndUpTo200Characters() {
        MeetingPlan plan = MeetingRules.plan(input("季度".repeat(100), "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z",
                "Asia/Shanghai", List.of(), List.of()), "admin", NOW);
        assertEquals(200, plan.title().length());
        assertEquals(List.of("title"), fieldsOf(input("x".repeat(201), "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z",
                "UTC", List.of(), List.of())));
    }

    @Test
    void enumsAreReadWhateverTheirCase() {
        MeetingPlan plan = MeetingRules.plan(new MeetingInput("All hands", null, "2026-12-01T09:00:00Z",
                "2026-12-01T10:00:00Z", "Europe/Berlin", List.of("ceo"), null, "all_employees", "view_only", true, "all_but_hosts", true,
                null, null, null), "admin", NOW);
        assertEquals(Access.ALL_EMPLOYEES, plan.access());
        assertEquals(AttendeeRights.VIEW_ONLY, plan.attendeeRights());
        assertTrue(plan.muteOnEntry());
        assertEquals(WaitingRoom.ALL_BUT_HOSTS, plan.waitingRoom());
        assertTrue(plan.hostFirst());
        assertEquals("", plan.description());
    }

    @Test
    void theJoinWindowOpensEarlyAndClosesAtTheEnd() {
        Instant start = Instant.parse("2026-12-01T09:00:00Z");
        JoinWindow window = JoinWindow.of(start, start.plus(Duration.ofHours(1)), Duration.ofMinutes(10));
        assertEquals(start.minus(Duration.ofMinutes(10)), window.opensAt());
        assertEquals(MeetingPhase.UPCOMING, window.stateAt(MeetingStatus.SCHEDULED, start.minusSeconds(601)));
        assertEquals(MeetingPhase.OPEN, window.stateAt(MeetingStatus.SCHEDULED, start.minusSeconds(600)));
        assertEquals(MeetingPhase.OPEN, window.stateAt(MeetingStatus.SCHEDULED, start.plusSeconds(3599)));
        assertEquals(MeetingPhase.ENDED, window.stateAt(MeetingStatus.SCHEDULED, start.plusSeconds(3600)));
        assertEquals(MeetingPhase.CANCELLED, window.stateAt(MeetingStatus.CANCELLED, start));
    }
}
