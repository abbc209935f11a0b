package org.meetingportal.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RecurrenceId;
import org.junit.jupiter.api.Test;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FieldProblems;

/** Series rules, expanded by ical4j, and the calendar file of a series read back and expanded by ical4j again. */
class RecurrenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final String URL = "https://portal.example.com/meeting.xhtml?series=7";
    private static final CalendarEvent.Contact WANG =
            new CalendarEvent.Contact("wangfang", "Wang Fang", "wang.fang@example.com", ParticipantRole.HOST);

    private static MeetingInput.RecurrenceInput input(String frequency, Integer interval, List<String> days,
            Integer position, String until, Integer count) {
        return new MeetingInput.RecurrenceInput(frequency, interval, days, position, until, count);
    }

    private static Recurrence rule(MeetingInput.RecurrenceInput input) {
        FieldProblems problems = new FieldProblems();
        Recurrence rule = RecurrenceRules.recurrence(input, problems);
        problems.throwIfAny();
        return rule;
    }

    private static List<Instant> starts(Recurrence rule, ZonedDateTime first, int minutes) {
        FieldProblems problems = new FieldProblems();
        List<Instant> starts = RecurrenceRules.starts(rule, first.toInstant(),
                first.toInstant().plusSeconds(minutes * 60L), first.getZone(), problems);
        problems.throwIfAny();
        return starts;
    }

    private static Set<String> fields(Runnable action) {
        DomainException refused = assertThrows(DomainException.class, action::run);
        return refused.fieldProblems().stream().map(p -> p.field()).collect(Collectors.toSet());
    }

    @Test
    void nineInBerlinStaysNineInBerlinAcrossDaylightSaving() {
        Recurrence weekly = rule(input("weekly", null, List.of("MO", "WE"), null, null, 6));
        List<Instant> starts = starts(weekly, ZonedDateTime.of(2027, 3, 22, 9, 0, 0, 0, BERLIN), 60);
        assertEquals(6, starts.size());
        for (Instant start : starts) {
            assertEquals(LocalTime.of(9, 0), start.atZone(BERLIN).toLocalTime());
        }
        // Summer time begins on 28 March 2027: 08:00 UTC before, 07:00 UTC after.
        assertEquals(Instant.parse("2027-03-22T08:00:00Z"), starts.get(0));
        assertEquals(Instant.parse("2027-03-24T08:00:00Z"), starts.get(1));
        assertEquals(Instant.parse("2027-03-29T07:00:00Z"), starts.get(2));
        assertEquals(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
                starts.stream().map(s -> s.atZone(BERLIN).getDayOfWeek()).collect(Collectors.toSet()));
    }

    @Test
    void aTimeThatDaylightSavingSkipsMovesOnByTheGap() {
        Recurrence daily = rule(input("DAILY", null, null, null, "2027-03-15", null));
        List<Instant> starts = starts(daily, ZonedDateTime.of(2027, 3, 13, 2, 30, 0, 0, NEW_YORK), 30);
        // 14 March 2027 has no 02:30 in New York; RFC 5545 takes 03:30.
        assertEquals(LocalDateTime.of(2027, 3, 14, 3, 30), starts.get(1).atZone(NEW_YORK).toLocalDateTime());
        assertEquals(LocalDateTime.of(2027, 3, 15, 2, 30), starts.get(2).atZone(NEW_YORK).toLocalDateTime());
    }

    @Test
    void monthlyOnTheNthAndTheLastWeekday() {
        Recurrence second = rule(input("MONTHLY", null, List.of("TU"), 2, null, 3));
        List<Instant> starts = starts(second, ZonedDateTime.of(2027, 1, 12, 10, 0, 0, 0, BERLIN), 60);
        assertEquals(List.of("2027-01-12", "2027-02-09", "2027-03-09"),
                starts.stream().map(s -> s.atZone(BERLIN).toLocalDate().toString()).toList());

        Recurrence last = rule(input("MONTHLY", 2, List.of("FR"), -1, "2027-07-31", null));
        starts = starts(last, ZonedDateTime.of(2027, 1, 29, 16, 0, 0, 0, BERLIN), 30);
        assertEquals(List.of("2027-01-29", "2027-03-26", "2027-05-28", "2027-07-30"),
                starts.stream().map(s -> s.atZone(BERLIN).toLocalDate().toString()).toList());
        assertEquals("FREQ=MONTHLY;INTERVAL=2;BYDAY=FR;BYSETPOS=-1;UNTIL=20270731T235959", last.rule());
        assertEquals(last, Recurrence.parse(last.rule()));
    }

    @Test
    void aStartOffTheRuleMovesToItsFirstDay() {
        Recurrence weekly = rule(input("WEEKLY", null, List.of("TH"), null, null, 2));
        List<Instant> starts = starts(weekly, ZonedDateTime.of(2027, 1, 11, 9, 0, 0, 0, BERLIN), 60);
        assertEquals(List.of("2027-01-14", "2027-01-21"),
                starts.stream().map(s -> s.atZone(BERLIN).toLocalDate().toString()).toList());
    }

    @Test
    void badRulesNameTheirFields() {
        assertEquals(Set.of("recurrence.frequency"), fields(() -> rule(input("YEARLY", null, null, null, null, 3))));
        assertEquals(Set.of("recurrence.until"), fields(() -> rule(input("DAILY", null, null, null, null, null))));
        assertEquals(Set.of("recurrence.count"),
                fields(() -> rule(input("DAILY", null, null, null, "2027-01-01", 3))));
        assertEquals(Set.of("recurrence.count"), fields(() -> rule(input("DAILY", null, null, null, null, 301))));
        assertEquals(Set.of("recurrence.interval"), fields(() -> rule(input("DAILY", 0, null, null, null, 3))));
        assertEquals(Set.of("recurrence.byDay"), fields(() -> rule(input("WEEKLY", null, List.of("XX"), null, null, 3))));
        assertEquals(Set.of("recurrence.bySetPos"),
                fields(() -> rule(input("WEEKLY", null, List.of("MO"), 2, null, 3))));
        assertEquals(Set.of("recurrence.bySetPos"), fields(() -> rule(input("MONTHLY", null, List.of("MO"), 5, null, 3))));
        assertEquals(Set.of("recurrence.until"), fields(() -> rule(input("DAILY", null, null, null, "next May", null))));
        assertEquals(Set.of("recurrence.until"), fields(() -> rule(input("DAILY", null, null, null, "+10000-01-01", null))));

        ZonedDateTime first = ZonedDateTime.of(2027, 3, 22, 9, 0, 0, 0, BERLIN);
        Recurrence tooLong = rule(input("DAILY", null, null, null, "2028-12-31", null));
        assertEquals(Set.of("recurrence.until"), fields(() -> starts(tooLong, first, 60)));
        Recurrence before = rule(input("DAILY", null, null, null, "2027-03-01", null));
        assertEquals(Set.of("recurrence.until"), fields(() -> starts(before, first, 60)));
        // A day-long meeting every day overlaps the next on the day summer time begins (23 hours).
        Recurrence daily = rule(input("DAILY", null, null, null, null, 10));
        assertEquals(Set.of("endsAt"), fields(() -> starts(daily, first, 24 * 60)));
        assertNull(rule(null));
    }

    @Test
    void theMostASeriesHasIsAccepted() {
        Recurrence most = rule(input("DAILY", null, null, null, null, Recurrence.MAX_OCCURRENCES));
        assertEquals(Recurrence.MAX_OCCURRENCES, starts(most, ZonedDateTime.of(2027, 1, 1, 9, 0, 0, 0, BERLIN), 30).size());
    }

    @Test
    void theRepeatChoicesOfThePageGiveTheirRules() {
        LocalDateTime fifthFriday = LocalDateTime.of(2027, 1, 29, 16, 0);
        assertEquals(input("MONTHLY", 1, List.of("FR"), -1, null, 4),
                Repeat.MONTHLY_ON_WEEKDAY.input(1, List.of(), fifthFriday, 4, null));
        assertEquals(input("WEEKLY", 2, List.of("FR"), null, "2027-06-30", null),
                Repeat.WEEKLY.input(2, List.of(), fifthFriday, null, "2027-06-30"));
        assertEquals(Repeat.WEEKDAYS, Repeat.of(MeetingView.RecurrenceView.of(
                rule(Repeat.WEEKDAYS.input(1, List.of(), fifthFriday, 5, null)))));
        assertNull(Repeat.NEVER.input(1, List.of(), fifthFriday, 5, null));
    }

    /** A weekly series over summer time in Berlin, one occurrence cancelled and one moved, read back by ical4j. */
    @Test
    void ical4jExpandsTheSeriesFileToOurOccurrences() throws Exception {
        Recurrence weekly = rule(input("WEEKLY", null, List.of("MO"), null, "2027-05-31", null));
        ZonedDateTime first = ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, BERLIN);
        List<Instant> ours = starts(weekly, first, 60);
        assertEquals(14, ours.size());
        Instant cancelled = ours.get(3);
        Instant movedFrom = ours.get(5);
        Instant movedTo = movedFrom.plusSeconds(26 * 3600);
        Instant stamp = Instant.parse("2027-02-01T00:00:00Z");
        Instant lastEnds = ours.get(ours.size() - 1).plusSeconds(3600);
        CalendarEvent master = new CalendarEvent(7, 123456L, 2, stamp, ours.get(0), ours.get(0).plusSeconds(3600),
                "Weekly sync", "", false, WANG, List.of(WANG),
                new CalendarEvent.Repeating(7, "series-7", BERLIN, weekly.ruleForCalendar(BERLIN), List.of(cancelled), lastEnds,
                        null));
        CalendarEvent moved = new CalendarEvent(99, 123456L, 1, stamp, movedTo, movedTo.plusSeconds(3600),
                "Weekly sync (Tuesday)", "", false, WANG, List.of(WANG),
                new CalendarEvent.Repeating(7, "series-7", BERLIN, null, List.of(), null, movedFrom));
        String ics = CalendarFile.write(List.of(master, moved), URL);
        assertTrue(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270531T215959Z\r\n"), ics);
        assertTrue(ics.contains("DTSTART;TZID=Europe/Berlin:20270301T090000\r\n"), ics);
        assertTrue(ics.contains("EXDATE;TZID=Europe/Berlin:20270322T090000\r\n"), ics);
        assertTrue(ics.contains("RECURRENCE-ID;TZID=Europe/Berlin:20270405T090000\r\n"), ics);

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
        assertEquals(1, calendar.getComponents(Component.VTIMEZONE).size());
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(2, events.size());
        VEvent series = events.get(0);
        assertEquals("series-7@meeting-portal", series.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals(series.getProperty(Property.UID).orElseThrow().getValue(),
                events.get(1).getProperty(Property.UID).orElseThrow().getValue());

        Period<ZonedDateTime> all = new Period<>(ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, BERLIN),
                ZonedDateTime.of(2028, 1, 1, 0, 0, 0, 0, BERLIN));
        Set<Instant> theirs = new TreeSet<>();
        for (Period<ZonedDateTime> occurrence : series.<ZonedDateTime>calculateRecurrenceSet(all)) {
            theirs.add(instant(occurrence.getStart()));
        }
        List<Instant> expected = new ArrayList<>(ours);
        expected.remove(cancelled);
        assertEquals(new TreeSet<>(expected), theirs);

        VEvent exception = events.get(1);
        Temporal recurrenceId = ((RecurrenceId<?>) exception.getProperty(Property.RECURRENCE_ID).orElseThrow())
                .getDate();
        assertEquals(movedFrom, instant(recurrenceId));
        Temporal start = ((DtStart<?>) exception.getProperty(Property.DTSTART).orElseThrow()).getDate();
        assertEquals(movedTo, instant(start));
    }

    /**
     * In zones north and south, with and without daylight saving now or in the past: a weekly series over two
     * years, its file read by ical4j. ical4j expands the rule to our local times; and each observance of our
     * VTIMEZONE, its RRULE expanded by ical4j, changes the offset exactly when java.time says the zone does.
     * (ical4j's own zone built from a VTIMEZONE misplaces "the second Sunday", so instants are compared here
     * through the observances rather than through that zone.)
     */
    @Test
    void ical4jReadsOurSeriesAndTimeZonesAsJavaKnowsThem() throws Exception {
        for (String id : List.of("Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Shanghai",
                "Europe/London", "America/Sao_Paulo", "Asia/Tehran", "America/Santiago", "Pacific/Auckland",
                "Asia/Kolkata", "America/St_Johns", "Africa/Casablanca", "Europe/Dublin", "UTC")) {
            ZoneId zone = ZoneId.of(id);
            Recurrence weekly = rule(input("WEEKLY", null, List.of("SU", "MO"), null, null, 200));
            ZonedDateTime first = ZonedDateTime.of(2027, 1, 3, 9, 30, 0, 0, zone);
            List<Instant> ours = starts(weekly, first, 60);
            Instant lastEnds = ours.get(ours.size() - 1).plusSeconds(3600);
            CalendarEvent master = new CalendarEvent(7, 1L, 0, ours.get(0), ours.get(0), ours.get(0).plusSeconds(3600),
                    "Sync", "", false, WANG, List.of(WANG),
                    new CalendarEvent.Repeating(7, "series-7", zone, weekly.ruleForCalendar(zone), List.of(), lastEnds, null));
            String ics = CalendarFile.write(List.of(master), URL);
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            assertFalse(calendar.validate().hasErrors(), () -> id + ": " + calendar.validate());
            VEvent series = calendar.<VEvent>getComponents(Component.VEVENT).get(0);
            Period<ZonedDateTime> all = new Period<>(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, zone),
                    ZonedDateTime.of(2031, 1, 1, 0, 0, 0, 0, zone));
            Set<LocalDateTime> theirs = new TreeSet<>();
            for (Period<ZonedDateTime> occurrence : series.<ZonedDateTime>calculateRecurrenceSet(all)) {
                theirs.add(occurrence.getStart().toLocalDateTime());
            }
            assertEquals(ours.stream().map(s -> s.atZone(zone).toLocalDateTime()).collect(Collectors.toCollection(TreeSet::new)),
                    theirs, id + "\n" + ics);

            Instant from = ours.get(0).minusSeconds(366L * 86400);
            Set<Instant> changes = new TreeSet<>();
            VTimeZone timeZone = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).get(0);
            List<Observance> observances = timeZone.getObservances();
            for (Observance observance : observances) {
                LocalDateTime start = LocalDateTime.parse(observance.getProperty(Property.DTSTART).orElseThrow()
                        .getValue(), LOCAL);
                ZoneOffset before = ((TzOffsetFrom) observance.getProperty(Property.TZOFFSETFROM).orElseThrow()).getOffset();
                ZoneOffset after = ((TzOffsetTo) observance.getProperty(Property.TZOFFSETTO).orElseThrow()).getOffset();
                List<LocalDateTime> locals = observance.getProperty(Property.RRULE).isEmpty() ? List.of(start)
                        : new Recur<LocalDateTime>(observance.getProperty(Property.RRULE).orElseThrow().getValue())
                                .getDates(start, start, lastEnds.atOffset(ZoneOffset.UTC).toLocalDateTime().plusDays(2));
                for (LocalDateTime local : locals) {
                    Instant change = local.toInstant(before);
                    if (!before.equals(after) && change.isAfter(from) && change.isBefore(lastEnds)) {
                        changes.add(change);
                    }
                }
            }
            Set<Instant> javas = new TreeSet<>();
            for (ZoneOffsetTransition t = zone.getRules().nextTransition(from); t != null
                    && t.getInstant().isBefore(lastEnds); t = zone.getRules().nextTransition(t.getInstant())) {
                javas.add(t.getInstant());
            }
            assertEquals(javas, changes, id + "\n" + ics);
        }
    }

    @Test
    void yearlyChangesAreSpeltAsCalendarsDo() {
        java.time.zone.ZoneRules berlin = BERLIN.getRules();
        assertEquals(Set.of("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
                berlin.getTransitionRules().stream().map(CalendarFile::yearlyRule).collect(Collectors.toSet()));
        assertEquals(Set.of("FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"),
                NEW_YORK.getRules().getTransitionRules().stream().map(CalendarFile::yearlyRule)
                        .collect(Collectors.toSet()));
    }

    @Test
    void aZoneWithoutDaylightSavingHasOneOffset() {
        StringBuilder out = new StringBuilder();
        CalendarFile.timeZone(out, ZoneId.of("Asia/Shanghai"), Instant.parse("2027-01-04T01:00:00Z"),
                Instant.parse("2027-12-31T00:00:00Z"));
        String text = out.toString();
        assertTrue(text.contains("TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\n"), text);
        assertEquals(1, text.split("BEGIN:STANDARD").length - 1, text);
        assertFalse(text.contains("DAYLIGHT"), text);
        assertEquals("-0330", CalendarFile.offset(java.time.ZoneOffset.ofHoursMinutes(-3, -30)));
    }

    private static Instant instant(Temporal temporal) {
        if (temporal instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (temporal instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return Instant.from(temporal);
    }
}
