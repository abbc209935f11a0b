package org.meetingportal.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The portal's .ics files, read back by ical4j, a calendar library of its own. */
class CalendarFileTest {

    private static final String URL = "https://portal.example.com/meeting.xhtml?id=42";
    private static final CalendarEvent.Contact WANG =
            new CalendarEvent.Contact("wangfang", "Wang, Fang", "wang.fang@example.com", ParticipantRole.HOST);
    private static final CalendarEvent.Contact LI =
            new CalendarEvent.Contact("liwei", "Li \"Lee\" Wei", "li.wei@example.com", ParticipantRole.ATTENDEE);

    private static CalendarEvent event(String summary, String description, boolean cancelled, int sequence) {
        return new CalendarEvent(42, 987654321L, sequence, Instant.parse("2026-11-21T08:00:00Z"),
                Instant.parse("2026-12-01T01:00:00Z"), Instant.parse("2026-12-01T02:30:00Z"), summary, description,
                cancelled, WANG, List.of(WANG, LI), null);
    }

    private static VEvent parse(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElseThrow(() -> new AssertionError(property));
    }

    @Test
    void aCalendarLibraryReadsEveryPropertyBack() throws Exception {
        String description = "Agenda; budget, hiring\nand a backslash \\ too";
        VEvent event = parse(CalendarFile.write(event("Q4 review; 季度总结, all hands", description, false, 3), URL));
        assertEquals("meeting-42-987654321@meeting-portal", value(event, Property.UID));
        assertEquals("3", value(event, Property.SEQUENCE));
        assertEquals("20261201T010000Z", value(event, Property.DTSTART));
        assertEquals("20261201T023000Z", value(event, Property.DTEND));
        assertEquals("20261121T080000Z", value(event, Property.DTSTAMP));
        assertEquals("Q4 review; 季度总结, all hands", value(event, Property.SUMMARY));
        assertEquals(description + "\n\n" + URL, value(event, Property.DESCRIPTION));
        assertEquals(URL, value(event, Property.URL));
        assertEquals("CONFIRMED", value(event, Property.STATUS));
        assertEquals("mailto:wang.fang@example.com", value(event, Property.ORGANIZER));
        assertEquals(2, event.getProperties(Property.ATTENDEE).size());
        assertTrue(event.getProperties(Property.ATTENDEE).get(1).getParameter("CN").orElseThrow().getValue()
                .contains("Li 'Lee' Wei"));
    }

    @Test
    void whoMayNotSeeAddressesGetsNamesAndOnlyTheirOwnAddress() throws Exception {
        CalendarEvent.Contact zhang =
                new CalendarEvent.Contact("zhangsan", "Zhang San", "zhang.san@example.com", ParticipantRole.ATTENDEE);
        CalendarEvent all = new CalendarEvent(42, 987654321L, 0, Instant.parse("2026-11-21T08:00:00Z"),
                Instant.parse("2026-12-01T01:00:00Z"), Instant.parse("2026-12-01T02:30:00Z"), "All hands", "", false,
                WANG, List.of(WANG, LI, zhang), null);

        String ics = CalendarFile.write(all.readBy("zhangsan", false), URL);
        String unfolded = ics.replace("\r\n ", "");
        assertFalse(unfolded.contains("wang.fang@example.com"), ics);
        assertFalse(unfolded.contains("li.wei@example.com"), ics);
        VEvent event = parse(ics);
        assertEquals("mailto:wangfang@meeting-portal.invalid", value(event, Property.ORGANIZER));
        List<String> attendees = event.getProperties(Property.ATTENDEE).stream().map(Property::getValue).toList();
        assertEquals(List.of("mailto:wangfang@meeting-portal.invalid", "mailto:liwei@meeting-portal.invalid",
                "mailto:zhang.san@example.com"), attendees, "their own address stays");
        assertTrue(event.getProperties(Property.ATTENDEE).get(1).getParameter("CN").orElseThrow().getValue()
                .contains("Li 'Lee' Wei"), "names stay");

        String forHost = CalendarFile.write(all.readBy("wangfang", true), URL).replace("\r\n ", "");
        for (String address : List.of("wang.fang@example.com", "li.wei@example.com", "zhang.san@example.com")) {
            assertTrue(forHost.contains("mailto:" + address), address);
        }
        assertFalse(forHost.contains(".invalid"));
    }

    @Test
    void aCancelledMeetingIsACancellationOfTheSameEvent() throws Exception {
        String ics = CalendarFile.write(event("Q4 review", "", true, 4), URL);
        assertTrue(ics.contains("\r\nMETHOD:CANCEL\r\n"));
        VEvent event = parse(ics);
        assertEquals("CANCELLED", value(event, Property.STATUS));
        assertEquals("meeting-42-987654321@meeting-portal", value(event, Property.UID));
        assertEquals("4", value(event, Property.SEQUENCE));
    }

    @Test
    void linesEndWithCrLfAndAreFoldedAt75OctetsWithoutSplittingACharacter() throws Exception {
        String longChinese = "这是一个很长的会议说明，".repeat(30);
        String ics = CalendarFile.write(event("长标题".repeat(40), longChinese, false, 0), URL);
        assertFalse(ics.replace("\r\n", "").contains("\n"), "no bare LF");
        assertTrue(ics.endsWith("\r\n"));
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, () -> "too long: " + line);
            assertFalse(line.contains("\uFFFD"));
        }
        VEvent event = parse(ics);
        assertEquals("长标题".repeat(40), value(event, Property.SUMMARY));
        assertTrue(value(event, Property.DESCRIPTION).startsWith(longChinese));
    }

    @Test
    void escapesTextAsTheStandardSays() {
        assertEquals("a\\;b\\,c\\\\d\\ne", CalendarFile.text("a;b,c\\d\r\ne"));
    }
}
