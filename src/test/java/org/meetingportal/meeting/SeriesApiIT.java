package org.meetingportal.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/**
 * Series through {@code /api/meetings}: an employee plans a weekly series across a change to summer time; its
 * occurrences become meetings only when wanted, share the room, each with its own join window; one is moved, one
 * cancelled, the rest changed from one on; the calendar file says all of it and ical4j expands it to ours.
 */
class SeriesApiIT extends PortalIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private String hostName;
    private String attendeeName;
    private String outsiderName;
    private PortalClient host;
    private PortalClient attendee;
    private PortalClient outsider;

    @BeforeEach
    void people() {
        PortalClient admin = admin();
        hostName = TestPortal.uniqueName("host");
        attendeeName = TestPortal.uniqueName("att");
        host = admin.createSignedInUser(hostName, "EMPLOYEE", "host-pass-phrase");
        attendee = admin.createSignedInUser(attendeeName, "EMPLOYEE", "attendee-pass-phrase");
        outsiderName = TestPortal.uniqueName("out");
        outsider = admin.createSignedInUser(outsiderName, "EMPLOYEE", "outsider-pass-phrase");
    }

    /** Next Monday at 09:00 in Berlin, at least a week away. */
    private static ZonedDateTime nextMonday() {
        return LocalDateTime.now(BERLIN).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .with(LocalTime.of(9, 0)).atZone(BERLIN);
    }

    private JsonObjectBuilder weekly(String title, ZonedDateTime start, JsonObjectBuilder rule) {
        return Json.createObjectBuilder().add("title", title).add("startsAt", start.toOffsetDateTime().toString())
                .add("endsAt", start.plusHours(1).toOffsetDateTime().toString()).add("timeZone", "Europe/Berlin")
                .add("attendees", Json.createArrayBuilder().add(attendeeName)).add("recurrence", rule);
    }

    private static JsonObjectBuilder rule(String frequency, JsonArrayBuilder days, int count) {
        return Json.createObjectBuilder().add("frequency", frequency).add("byDay", days).add("count", count);
    }

    private JsonObject schedule(JsonObjectBuilder body) {
        HttpAnswer created = host.post("api/meetings", body.build());
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    private static long id(JsonObject meeting) {
        return meeting.getJsonNumber("id").longValue();
    }

    private static String encoded(Instant at) {
        return URLEncoder.encode(at.atZone(BERLIN).toOffsetDateTime().toString(), StandardCharsets.UTF_8);
    }

    private JsonObject occurrence(PortalClient client, long series, Instant at) {
        HttpAnswer found = client.get("api/meetings/series/" + series + "/occurrences/" + encoded(at));
        assertEquals(200, found.status(), found::toString);
        return found.json();
    }

    /** The rows a client's current list holds for the series. */
    private static List<JsonObject> listed(PortalClient client, long series) {
        return client.get("api/meetings?size=100").json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(m -> m.containsKey("seriesId") && m.getJsonNumber("seriesId").longValue() == series).toList();
    }

    private static JsonObjectBuilder edit(JsonObject meeting, ZonedDateTime start) {
        return Json.createObjectBuilder().add("title", meeting.getString("title"))
                .add("startsAt", start.toOffsetDateTime().toString())
                .add("endsAt", start.plusHours(1).toOffsetDateTime().toString()).add("timeZone", "Europe/Berlin")
                .add("attendees", Json.createArrayBuilder().add(meeting.getJsonArray("attendees").getJsonObject(0)
                        .getString("userId")))
                .add("version", meeting.getJsonNumber("version").longValue());
    }

    private static Set<LocalDateTime> expanded(VEvent series) {
        Period<ZonedDateTime> all = new Period<>(ZonedDateTime.now(BERLIN).minusDays(1),
                ZonedDateTime.now(BERLIN).plusYears(2));
        return series.<ZonedDateTime>calculateRecurrenceSet(all).stream().map(p -> p.getStart().toLocalDateTime())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Calendar calendar(PortalClient client, long meeting) throws Exception {
        HttpAnswer file = client.send("GET", "api/meetings/" + meeting + "/calendar.ics", null, "Accept", "text/calendar");
        assertEquals(200, file.status(), file::toString);
        Calendar calendar = new CalendarBuilder().build(new StringReader(file.body()));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
        return calendar;
    }

    @Test
    void aWeeklySeriesIsOneMeetingUntilMoreAreWantedAndOneCalendarEntry() throws Exception {
        ZonedDateTime first = nextMonday();
        JsonObject created = schedule(weekly("Weekly sync " + hostName, first,
                rule("WEEKLY", Json.createArrayBuilder().add("MO").add("WE"), 40)));
        long series = created.getJsonNumber("seriesId").longValue();
        assertEquals("HOST", created.getString("yourRole"), "an employee is the first host of what they plan");
        assertEquals(first.toOffsetDateTime(), OffsetDateTime.parse(created.getString("startsAt")));
        JsonObject recurrence = created.getJsonObject("recurrence");
        assertEquals("WEEKLY", recurrence.getString("frequency"));
        assertEquals(List.of("MO", "WE"), recurrence.getJsonArray("byDay").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
        assertEquals(40, recurrence.getInt("count"));
        List<OffsetDateTime> next = created.getJsonArray("nextOccurrences").getValuesAs(
                v -> OffsetDateTime.parse(((jakarta.json.JsonString) v).getString()));
        assertEquals(List.of(first.plusDays(2).toOffsetDateTime(), first.plusDays(7).toOffsetDateTime(),
                first.plusDays(9).toOffsetDateTime()), next);

        assertEquals(1, listed(attendee, series).size(), "one row stands for the series, not forty");
        assertEquals(List.of(), listed(outsider, series));
        assertEquals(404, outsider.get("api/meetings/series/" + series).status());
        for (Instant at : List.of(first.plusWeeks(1).toInstant(), first.plusWeeks(1).plusMinutes(1).toInstant())) {
            assertEquals(404, outsider.get("api/meetings/series/" + series + "/occurrences/" + encoded(at)).status(),
                    "no hint of a series one may not see, nor of its times");
        }
        assertEquals(id(created), id(attendee.get("api/meetings/series/" + series).json()),
                "the series' link leads to its next meeting");

        // Nineteen weeks on, past the change to summer time: still 09:00 in Berlin, the same room, its own window.
        Instant later = first.plusWeeks(19).toInstant();
        JsonObject twentieth = occurrence(attendee, series, later);
        assertNotEquals(id(created), id(twentieth));
        assertEquals(LocalTime.of(9, 0), OffsetDateTime.parse(twentieth.getString("startsAt")).atZoneSameInstant(BERLIN)
                .toLocalTime());
        assertEquals(created.getJsonNumber("roomId").longValue(), twentieth.getJsonNumber("roomId").longValue());
        assertEquals("UPCOMING", twentieth.getString("state"));
        assertEquals(later.minus(Duration.ofMinutes(10)), OffsetDateTime.parse(twentieth.getString("opensAt")).toInstant());
        assertEquals(id(twentieth), id(occurrence(host, series, later)), "made once, found again");
        assertEquals(400, attendee.get("api/meetings/series/" + series + "/occurrences/"
                + encoded(later.plusSeconds(60))).status(), "no occurrence at that time");
        assertEquals(List.of("at"), attendee.get("api/meetings/series/" + series + "/occurrences/soon").problemFields());

        Calendar file = calendar(attendee, id(twentieth));
        assertEquals(1, file.getComponents(Component.VTIMEZONE).size());
        List<VEvent> events = file.getComponents(Component.VEVENT);
        assertEquals(1, events.size(), "one event with its rule");
        VEvent event = events.get(0);
        assertEquals("series-" + series + "@meeting-portal", event.getProperty(Property.UID).orElseThrow().getValue());
        Set<String> parts = Set.of(event.getProperty(Property.RRULE).orElseThrow().getValue().split(";"));
        assertEquals(Set.of("FREQ=WEEKLY", "BYDAY=MO,WE", "COUNT=40"), parts);
        Set<LocalDateTime> ours = new TreeSet<>();
        for (ZonedDateTime day = first; ours.size() < 40; day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.MONDAY || day.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
                ours.add(day.toLocalDateTime());
            }
        }
        assertEquals(ours, expanded(event));
    }

    @Test
    void oneOccurrenceMovesOrIsCancelledAloneAndTheFileSaysSo() throws Exception {
        ZonedDateTime first = nextMonday();
        JsonObject created = schedule(weekly("Standup " + hostName, first,
                rule("WEEKLY", Json.createArrayBuilder(), 6)));
        long series = created.getJsonNumber("seriesId").longValue();
        JsonObject third = occurrence(host, series, first.plusWeeks(2).toInstant());
        JsonObject fourth = occurrence(host, series, first.plusWeeks(3).toInstant());

        ZonedDateTime tuesday = first.plusWeeks(2).plusDays(1).withHour(10);
        HttpAnswer notBetween = host.put("api/meetings/" + id(third), edit(third, first.plusWeeks(3).plusDays(1)).build());
        assertEquals(List.of("startsAt"), notBetween.problemFields(), "not past the next occurrence");
        HttpAnswer withRule = host.put("api/meetings/" + id(third), edit(third, tuesday)
                .add("recurrence", rule("DAILY", Json.createArrayBuilder(), 3)).build());
        assertEquals(List.of("recurrence"), withRule.problemFields(), "a rule changes for the following ones");
        assertEquals(403, attendee.put("api/meetings/" + id(third), edit(third, tuesday).build()).status());
        assertEquals(List.of("scope"), host.put("api/meetings/" + id(third) + "?scope=all", edit(third, tuesday).build())
                .problemFields());

        HttpAnswer moved = host.put("api/meetings/" + id(third) + "?scope=occurrence", edit(third, tuesday)
                .add("hosts", Json.createArrayBuilder().add(hostName).add(outsiderName)).build());
        assertEquals(200, moved.status(), moved::toString);
        JsonObject movedThird = moved.json();
        assertEquals(403, outsider.put("api/meetings/" + id(third) + "?scope=following", edit(movedThird, tuesday).build())
                .status(), "a host of one occurrence does not plan the rest");
        assertEquals(403, outsider.delete("api/meetings/" + id(third) + "?scope=following").status());
        assertTrue(moved.json().getBoolean("detached"));
        assertEquals(tuesday.toOffsetDateTime(), OffsetDateTime.parse(moved.json().getString("startsAt")));
        HttpAnswer cancelled = host.delete("api/meetings/" + id(fourth));
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.json().getString("state"));
        assertEquals("SCHEDULED", host.get("api/meetings/" + id(created)).json().getString("status"),
                "the others stay");
        List<OffsetDateTime> next = host.get("api/meetings/" + id(created)).json().getJsonArray("nextOccurrences")
                .getValuesAs(v -> OffsetDateTime.parse(((jakarta.json.JsonString) v).getString()));
        assertEquals(List.of(first.plusWeeks(1).toOffsetDateTime(), first.plusWeeks(2).toOffsetDateTime(),
                first.plusWeeks(4).toOffsetDateTime()), next, "the cancelled one is skipped");

        List<VEvent> events = calendar(attendee, id(created)).getComponents(Component.VEVENT);
        assertEquals(2, events.size(), "the series and its moved occurrence");
        VEvent master = events.get(0);
        assertEquals(first.plusWeeks(3).toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern(
                "yyyyMMdd'T'HHmmss")), master.getProperty(Property.EXDATE).orElseThrow().getValue());
        Set<LocalDateTime> expected = new TreeSet<>();
        for (int week = 0; week < 6; week++) {
            if (week != 3) {
                expected.add(first.plusWeeks(week).toLocalDateTime());
            }
        }
        assertEquals(expected, expanded(master));
        VEvent exception = events.get(1);
        assertEquals(master.getProperty(Property.UID).orElseThrow().getValue(),
                exception.getProperty(Property.UID).orElseThrow().getValue());
        assertTrue(exception.getProperty(Property.RECURRENCE_ID).orElseThrow().getValue()
                .equals(first.plusWeeks(2).toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern(
                        "yyyyMMdd'T'HHmmss"))));
        assertTrue(exception.getProperty(Property.DTSTART).orElseThrow().getValue().endsWith("T100000"));
    }

    @Test
    void thisAndFollowingSplitsTheSeriesAndCancellingTheRestEndsIt() throws Exception {
        ZonedDateTime first = nextMonday();
        JsonObject created = schedule(weekly("Review " + hostName, first, rule("WEEKLY", Json.createArrayBuilder(), 10)));
        long series = created.getJsonNumber("seriesId").longValue();
        JsonObject fifth = occurrence(host, series, first.plusWeeks(4).toInstant());
        JsonObject sixth = occurrence(host, series, first.plusWeeks(5).toInstant());

        ZonedDateTime later = first.plusWeeks(4).withHour(14);
        HttpAnswer split = host.put("api/meetings/" + id(fifth) + "?scope=following", edit(fifth, later).build());
        assertEquals(200, split.status(), split::toString);
        long newSeries = split.json().getJsonNumber("seriesId").longValue();
        assertNotEquals(series, newSeries);
        assertEquals(6, split.json().getJsonObject("recurrence").getInt("count"), "the rest of ten");
        JsonObject movedSixth = host.get("api/meetings/" + id(sixth)).json();
        assertEquals(newSeries, movedSixth.getJsonNumber("seriesId").longValue(), "a later row follows the new part");
        assertEquals(14, OffsetDateTime.parse(movedSixth.getString("startsAt")).atZoneSameInstant(BERLIN).getHour());

        JsonObject earlier = host.get("api/meetings/" + id(created)).json();
        assertEquals(first.plusWeeks(4).toLocalDate().minusDays(1).toString(),
                earlier.getJsonObject("recurrence").getString("until"), "the earlier part ends the day before");
        assertEquals(4, expanded(calendar(attendee, id(created)).<VEvent>getComponents(Component.VEVENT).get(0)).size());
        assertEquals(6, expanded(calendar(attendee, id(fifth)).<VEvent>getComponents(Component.VEVENT).get(0)).size());

        JsonObject eighth = occurrence(host, newSeries, later.plusWeeks(3).toInstant());
        HttpAnswer rest = host.delete("api/meetings/" + id(eighth) + "?scope=following");
        assertEquals(200, rest.status(), rest::toString);
        assertEquals("CANCELLED", rest.json().getString("state"));
        assertEquals(400, host.get("api/meetings/series/" + newSeries + "/occurrences/"
                + encoded(later.plusWeeks(4).toInstant())).status(), "after the end there is no occurrence");
        assertEquals(3, expanded(calendar(attendee, id(fifth)).<VEvent>getComponents(Component.VEVENT).get(0)).size());

        HttpAnswer all = host.delete("api/meetings/" + id(fifth) + "?scope=following");
        assertEquals(200, all.status(), all::toString);
        assertEquals("CANCELLED", host.get("api/meetings/" + id(movedSixth)).json().getString("state"));
        assertEquals(404, host.get("api/meetings/series/" + newSeries + "/occurrences/"
                + encoded(later.plusWeeks(2).toInstant())).status(), "a cancelled series makes no new meetings");
        Calendar cancelled = calendar(attendee, id(fifth));
        assertEquals("CANCEL", cancelled.getProperty(Property.METHOD).orElseThrow().getValue());
    }

    @Test
    void theSeriesOwnRuleSentBackKeepsWhatRemains() {
        ZonedDateTime first = nextMonday();
        JsonObject created = schedule(weekly("Retro " + hostName, first, rule("DAILY", Json.createArrayBuilder(), 5)));
        long series = created.getJsonNumber("seriesId").longValue();
        JsonObject third = occurrence(host, series, first.plusDays(2).toInstant());
        JsonObject shown = third.getJsonObject("recurrence");
        assertEquals(5, shown.getInt("count"));
        HttpAnswer split = host.put("api/meetings/" + id(third) + "?scope=following",
                edit(third, first.plusDays(2).withHour(15)).add("recurrence", shown).build());
        assertEquals(200, split.status(), split::toString);
        assertEquals(3, split.json().getJsonObject("recurrence").getInt("count"), "the rest of five, not five more");
    }

    @Test
    void badRulesNameTheirFieldAndKeepNothing() {
        ZonedDateTime first = nextMonday();
        long before = host.get("api/meetings?size=1").json().getJsonNumber("total").longValue();
        JsonObjectBuilder noEnd = Json.createObjectBuilder().add("frequency", "WEEKLY");
        assertEquals(List.of("recurrence.until"), host.post("api/meetings", weekly("x", first, noEnd).build()).problemFields());
        assertEquals(List.of("recurrence.count"), host.post("api/meetings",
                weekly("x", first, rule("DAILY", Json.createArrayBuilder(), 301)).build()).problemFields());
        JsonObjectBuilder years = Json.createObjectBuilder().add("frequency", "DAILY")
                .add("until", first.plusYears(2).toLocalDate().toString());
        assertEquals(List.of("recurrence.until"), host.post("api/meetings", weekly("x", first, years).build())
                .problemFields());
        assertEquals(List.of("recurrence.frequency"), host.post("api/meetings",
                weekly("x", first, rule("HOURLY", Json.createArrayBuilder(), 3)).build()).problemFields());
        assertEquals(List.of("recurrence.byDay"), host.post("api/meetings",
                weekly("x", first, rule("WEEKLY", Json.createArrayBuilder().add("Monday"), 3)).build()).problemFields());
        JsonObjectBuilder badZone = weekly("x", first, rule("DAILY", Json.createArrayBuilder(), 3)).add("timeZone", "Mars/Olympus");
        assertEquals(List.of("timeZone"), host.post("api/meetings", badZone.build()).problemFields());
        assertEquals(before, host.get("api/meetings?size=1").json().getJsonNumber("total").longValue(), "nothing kept");
        assertEquals(401, new PortalClient(base).post("api/meetings",
                weekly("x", first, rule("DAILY", Json.createArrayBuilder(), 3)).build()).status());
    }

    /** The next occurrence becomes a meeting once the current one's time is over. */
    @Test
    void theNextOccurrenceComesWhenOneIsOver() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(BERLIN).truncatedTo(ChronoUnit.SECONDS);
        JsonObject created = schedule(Json.createObjectBuilder().add("title", "Daily " + hostName)
                .add("startsAt", now.minusSeconds(5).toOffsetDateTime().toString())
                .add("endsAt", now.plusSeconds(8).toOffsetDateTime().toString()).add("timeZone", "Europe/Berlin")
                .add("attendees", Json.createArrayBuilder().add(attendeeName))
                .add("recurrence", rule("DAILY", Json.createArrayBuilder(), 3)));
        long series = created.getJsonNumber("seriesId").longValue();
        assertEquals("OPEN", created.getString("state"), "today's occurrence is open now");
        assertEquals(List.of(id(created)), listed(attendee, series).stream().map(SeriesApiIT::id).toList());
        Thread.sleep(Duration.between(Instant.now(), now.plusSeconds(9).toInstant()).toMillis());
        List<JsonObject> rows = listed(attendee, series);
        assertEquals(1, rows.size(), rows::toString);
        JsonObject tomorrow = rows.get(0);
        assertNotEquals(id(created), id(tomorrow));
        assertEquals(now.minusSeconds(5).plusDays(1).toOffsetDateTime(), OffsetDateTime.parse(tomorrow.getString("startsAt")));
        assertEquals("UPCOMING", tomorrow.getString("state"));
        assertEquals(id(tomorrow), id(attendee.get("api/meetings/series/" + series).json()));
        JsonObject past = attendee.get("api/meetings/" + id(created)).json();
        assertEquals("ENDED", past.getString("state"));
        assertEquals(series, past.getJsonNumber("seriesId").longValue(), "a past meeting knows its series");
        String page = attendee.page("meeting.xhtml?id=" + id(created)).body();
        assertTrue(page.contains("id=\"series-current\"") && page.contains("meeting.xhtml?series=" + series),
                "the page of a past meeting links to its series");

        // From tomorrow on, an hour later and in a room of its own: the earlier part is over, and its link goes on.
        ZonedDateTime later = now.minusSeconds(5).plusDays(1).plusHours(1);
        HttpAnswer split = host.send("PUT", "api/meetings/" + id(tomorrow) + "?scope=following",
                Json.createObjectBuilder().add("title", "Daily " + hostName)
                        .add("startsAt", later.toOffsetDateTime().toString())
                        .add("endsAt", later.plusMinutes(30).toOffsetDateTime().toString())
                        .add("timeZone", "Europe/Berlin").add("attendees", Json.createArrayBuilder().add(attendeeName))
                        .add("version", tomorrow.getJsonNumber("version").longValue()).add("newRoom", true).build()
                        .toString());
        assertEquals(200, split.status(), split::toString);
        long laterSeries = split.json().getJsonNumber("seriesId").longValue();
        assertNotEquals(series, laterSeries, "the rest goes on as a series of its own");
        assertNotEquals(created.getJsonNumber("roomId").longValue(), split.json().getJsonNumber("roomId").longValue(),
                "in the new room the host asked for");
        JsonObject followed = attendee.get("api/meetings/series/" + series).json();
        assertEquals(id(split.json()), id(followed), "the earlier part's link leads on to the later part");
        assertEquals(later.toOffsetDateTime(), OffsetDateTime.parse(followed.getString("startsAt")));
        assertEquals(404, outsider.get("api/meetings/series/" + series).status());
    }
}
