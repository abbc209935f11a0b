package org.meetingportal.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.RawHttp;
import org.meetingportal.testing.TestPortal;

/** The meeting pages as people see them: their own list in their own time zone, and the admins' form. */
class MeetingPagesIT extends PortalIT {

    /** Tomorrow 01:00 UTC, which is 09:00 in Shanghai and 02:00 in Berlin (both in winter time). */
    private static final String TOMORROW = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();

    private long schedule(PortalClient admin, String title, String host, String attendee) {
        HttpAnswer created = admin.post("api/meetings", Json.createObjectBuilder().add("title", title)
                .add("startsAt", TOMORROW + "T01:00:00Z").add("endsAt", TOMORROW + "T02:00:00Z")
                .add("timeZone", "Asia/Shanghai").add("hosts", Json.createArrayBuilder().add(host))
                .add("attendees", Json.createArrayBuilder().add(attendee)).build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    @Test
    void myMeetingsShowsMineInMyTimeZoneAndNobodyElsesMeetings() {
        PortalClient admin = admin();
        String hostName = TestPortal.uniqueName("phost");
        String name = TestPortal.uniqueName("pzone");
        admin.createUser(hostName, "EMPLOYEE", "host-page-phrase");
        PortalClient attendee = admin.createSignedInUser(name, "EMPLOYEE", "zone-page-phrase");
        PortalClient outsider = admin.createSignedInUser(TestPortal.uniqueName("pout"), "EMPLOYEE", "outsider-page-phrase");
        long id = schedule(admin, "Roadmap <review> " + name, hostName, name);

        HttpAnswer zone = attendee.put("api/me/preferences", Json.createObjectBuilder().add("timeZone", "Asia/Shanghai").build());
        assertEquals(200, zone.status(), zone::toString);
        HttpAnswer mine = attendee.page("index.xhtml");
        assertEquals(200, mine.status());
        assertTrue(mine.body().contains("Roadmap &lt;review&gt; " + name), "listed, escaped");
        assertTrue(mine.body().contains("9:00 AM – 10:00 AM (Asia/Shanghai)"), "in the attendee's zone");
        assertTrue(mine.body().contains("/api/meetings/" + id + "/calendar.ics"));
        assertTrue(mine.body().contains("Opens at"), "not open yet: no join button");

        assertEquals(200, attendee.put("api/me/preferences", Json.createObjectBuilder().add("timeZone", "Europe/Berlin")
                .build()).status());
        assertTrue(attendee.page("index.xhtml").body().contains("2:00 AM – 3:00 AM (Europe/Berlin)"));
        HttpAnswer badZone = attendee.put("api/me/preferences", Json.createObjectBuilder().add("timeZone", "Mars/Base").build());
        assertEquals(400, badZone.status());

        assertFalse(outsider.page("index.xhtml").body().contains(name), "not on an outsider's list");
        HttpAnswer hidden = outsider.page("meeting.xhtml?id=" + id);
        assertEquals(404, hidden.status());
        assertEquals(200, attendee.page("meeting.xhtml?id=" + id).status());
        assertEquals(404, attendee.page("meeting.xhtml?id=nonsense").status());
    }

    @Test
    void aForgedHostReachesNeitherTheCalendarFileNorTheLinkToCopy() {
        PortalClient admin = admin();
        String name = TestPortal.uniqueName("phost");
        PortalClient attendee = admin.createSignedInUser(name, "EMPLOYEE", "forged-host-phrase");
        long id = schedule(admin, "Forged host " + name, "admin", name);
        String cookie = "Cookie: JSESSIONID=" + attendee.sessionId().orElseThrow();
        String context = base.getPath().replaceAll("/$", "");
        List<String[]> forgeries = List.of(new String[] {"Host: evil.example"},
                new String[] {"X-Forwarded-Host: evil.example"},
                new String[] {"Host: evil.example:8443", "X-Forwarded-Host: evil.example", "X-Forwarded-Port: 8443"});
        for (String[] forged : forgeries) {
            String[] headers = Stream.concat(Stream.of(cookie),
                    Arrays.stream(forged)).toArray(String[]::new);
            String what = String.join(", ", forged);
            String[] icsHeaders = Stream.concat(Arrays.stream(headers), Stream.of("Accept: text/calendar, */*"))
                    .toArray(String[]::new);
            RawHttp.Answer ics = RawHttp.get(base, context + "/api/meetings/" + id + "/calendar.ics", icsHeaders);
            assertEquals(200, ics.status(), () -> what + ": " + ics.headers());
            String file = ics.body().replace("\r\n ", "");
            assertTrue(file.contains("/meeting.xhtml?id=" + id), file);
            assertFalse(file.contains("evil.example"), () -> what + ": " + file);

            for (String page : List.of("/meeting.xhtml?id=" + id, "/index.xhtml")) {
                RawHttp.Answer answer = RawHttp.get(base, context + page, headers);
                assertEquals(200, answer.status(), () -> what + " " + page + ": " + answer.headers());
                assertTrue(answer.body().contains("data-link=\"http"), page);
                assertTrue(answer.body().contains("/meeting.xhtml?id=" + id + "\""), page);
                assertFalse(answer.body().contains("evil.example"), () -> what + " " + page);
            }
        }
    }

    @Test
    void withoutAChoiceTimesFollowTheBrowsersZone() {
        PortalClient admin = admin();
        String name = TestPortal.uniqueName("pbrowser");
        PortalClient attendee = admin.createSignedInUser(name, "EMPLOYEE", "browser-zone-phrase");
        schedule(admin, "Browser zone " + name, "admin", name);
        attendee.setCookie("portal_tz", "Europe/Berlin");
        HttpAnswer page = attendee.page("index.xhtml");
        assertTrue(page.body().contains("2:00 AM – 3:00 AM (Europe/Berlin)"), "the zone the browser reported");
        attendee.setCookie("portal_tz", "Not/AZone");
        assertTrue(attendee.page("index.xhtml").body().contains("1:00 AM – 2:00 AM (UTC)"), "a bad report falls back to UTC");
    }

    @Test
    void anAdminSchedulesOnThePageSeeingFieldErrorsFirstAndNothingSavedOnError() {
        PortalClient admin = admin();
        String name = TestPortal.uniqueName("pform");
        admin.createUser(name, "EMPLOYEE", "form-user-phrase");
        admin.page("meeting-edit.xhtml");
        Map<String, String> bad = Map.of("title", "", "description", "", "startsAt", TOMORROW + "T10:00",
                "endsAt", TOMORROW + "T09:00", "timeZone", "Asia/Shanghai", "hosts", "admin",
                "attendees", "nobody-" + name, "access", "INVITED", "attendeeRights", "FULL", "version", "");
        HttpAnswer refused = admin.submit("meeting-edit.xhtml", "form", "submit", bad);
        assertEquals(200, refused.status());
        assertTrue(refused.body().contains("Give the meeting a title."));
        assertTrue(refused.body().contains("The meeting must end after it starts."));
        assertFalse(admin.get("api/meetings?size=100").body().contains("nobody-" + name));

        Map<String, String> good = new java.util.HashMap<>(bad);
        good.put("title", "Form meeting " + name);
        good.put("endsAt", TOMORROW + "T11:30");
        good.put("attendees", name);
        good.put("muteOnEntry", "on");
        HttpAnswer created = admin.submit("meeting-edit.xhtml", "form", "submit", good);
        assertEquals(302, created.status(), created::toString);
        HttpAnswer page = admin.follow(created);
        assertTrue(page.body().contains("“Form meeting " + name + "” is scheduled."));
        String location = created.header("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.indexOf("id=") + 3));
        JsonObject meeting = admin.get("api/meetings/" + id).json();
        assertEquals(TOMORROW + "T10:00:00+08:00", meeting.getString("startsAt"));
        assertTrue(meeting.getBoolean("muteOnEntry"));
        assertEquals(name, meeting.getJsonArray("attendees").getJsonObject(0).getString("userId"));
    }

    @Test
    void aStaleEditOnThePageSaysSoAndCancellingNeedsItsOwnButton() {
        PortalClient first = admin();
        PortalClient second = admin();
        String name = TestPortal.uniqueName("pstale");
        first.createUser(name, "EMPLOYEE", "stale-page-phrase");
        long id = schedule(first, "Stale " + name, "admin", name);
        first.page("meeting-edit.xhtml?id=" + id);
        second.page("meeting-edit.xhtml?id=" + id);
        Map<String, String> fields = Map.of("title", "Changed by first", "description", "", "startsAt",
                TOMORROW + "T09:00", "endsAt", TOMORROW + "T10:00", "timeZone", "Asia/Shanghai", "hosts", "admin",
                "attendees", name, "access", "INVITED", "attendeeRights", "FULL", "version", "0");
        assertEquals(302, first.submit("meeting-edit.xhtml?id=" + id, "form", "submit", fields).status());
        HttpAnswer stale = second.submit("meeting-edit.xhtml?id=" + id, "form", "submit",
                new java.util.HashMap<>(Map.of("title", "Changed by second", "description", "", "startsAt",
                        TOMORROW + "T09:00", "endsAt", TOMORROW + "T10:00", "timeZone", "Asia/Shanghai", "hosts", "admin",
                        "attendees", name, "access", "INVITED", "attendeeRights", "FULL", "version", "0")));
        assertEquals(200, stale.status());
        assertTrue(stale.body().contains("Someone else changed this in the meantime."));
        assertEquals("Changed by first", first.get("api/meetings/" + id).json().getString("title"));

        first.page("meeting-edit.xhtml?id=" + id);
        HttpAnswer cancelled = first.submit("meeting-edit.xhtml?id=" + id, "cancel", "submit", Map.of());
        assertEquals(302, cancelled.status());
        assertEquals("CANCELLED", first.get("api/meetings/" + id).json().getString("state"));
        HttpAnswer list = first.page("admin/meetings.xhtml?state=CANCELLED&q=" + name);
        assertTrue(list.body().contains("Changed by first"), "found by attendee among the cancelled");
        assertFalse(first.page("admin/meetings.xhtml?state=UPCOMING&q=" + name).body().contains("Changed by first"));
        assertTrue(first.page("meeting-edit.xhtml?id=" + id).body().contains("This meeting was cancelled"));
    }

    @Test
    void employeesPlanFromMyMeetingsButDoNotOpenTheAdminsListNorEditOthersMeetings() {
        String name = TestPortal.uniqueName("pemp");
        PortalClient employee = admin().createSignedInUser(name, "EMPLOYEE", "employee-mt-phrase");
        assertEquals(403, employee.page("admin/meetings.xhtml").status());
        assertTrue(employee.page("index.xhtml").body().contains("id=\"new-meeting\""), "My meetings offers New meeting");
        employee.setCookie("portal_tz", "UTC");
        HttpAnswer form = employee.page("meeting-edit.xhtml");
        assertEquals(200, form.status(), form::toString);
        assertTrue(form.body().contains("<option value=\"UTC\" selected=\"selected\">"),
                "a browser in UTC starts in UTC, not in the alphabet's first zone");
        assertTrue(form.body().contains("← My meetings"), "and goes back to My meetings");
        long othersMeeting = admin().post("api/meetings", Json.createObjectBuilder().add("title", "Not yours")
                .add("startsAt", Instant.now().plus(Duration.ofDays(1)).toString())
                .add("endsAt", Instant.now().plus(Duration.ofDays(1).plusHours(1)).toString()).add("timeZone", "UTC")
                .add("attendees", Json.createArrayBuilder().add(name)).build()).json().getJsonNumber("id").longValue();
        assertEquals(403, employee.page("meeting-edit.xhtml?id=" + othersMeeting).status(), "an attendee does not edit");
        assertFalse(employee.page("meeting.xhtml?id=" + othersMeeting).body().contains("id=\"edit\""),
                "nor is offered to");
    }

    @Test
    void theWeekViewShowsEachMeetingOnItsDaysInTheViewersOwnZone() {
        String name = TestPortal.uniqueName("pweek");
        PortalClient employee = admin().createSignedInUser(name, "EMPLOYEE", "employee-week-phrase");
        LocalDate wednesday = LocalDate.now(ZoneOffset.UTC).plusWeeks(2)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.WEDNESDAY));
        // 23:30 to 00:30 in Shanghai: two days there, one afternoon in Berlin.
        String title = "Late call " + name;
        JsonObject created = admin().post("api/meetings", Json.createObjectBuilder().add("title", title)
                .add("startsAt", wednesday + "T23:30:00+08:00").add("endsAt", wednesday.plusDays(1) + "T00:30:00+08:00")
                .add("timeZone", "Asia/Shanghai").add("attendees", Json.createArrayBuilder().add(name)).build()).json();
        String id = "data-meeting=\"" + created.getJsonNumber("id").longValue() + "\"";

        employee.setCookie("portal_tz", "Asia/Shanghai");
        String inShanghai = employee.page("week.xhtml?start=" + wednesday.plusDays(2), "en").body();
        assertEquals(2, dayOf(inShanghai, wednesday).concat(dayOf(inShanghai, wednesday.plusDays(1))).split(id, -1).length - 1,
                "on Wednesday and Thursday in Shanghai: " + inShanghai);
        assertTrue(inShanghai.contains("data-date=\"" + wednesday.with(java.time.DayOfWeek.MONDAY) + "\""),
                "any date shows its week, from Monday");

        employee.setCookie("portal_tz", "Europe/Berlin");
        String inBerlin = employee.page("week.xhtml?start=" + wednesday, "en").body();
        assertTrue(dayOf(inBerlin, wednesday).contains(id), "on Wednesday afternoon in Berlin");
        assertFalse(dayOf(inBerlin, wednesday.plusDays(1)).contains(id), "and not on Thursday there");
        String berlinStart = wednesday.atTime(23, 30).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .withZoneSameInstant(java.time.ZoneId.of("Europe/Berlin"))
                .format(java.time.format.DateTimeFormatter.ofPattern("h:mm"));
        assertTrue(dayOf(inBerlin, wednesday).contains(berlinStart), "at its time there: " + dayOf(inBerlin, wednesday));

        HttpAnswer bad = employee.page("week.xhtml?start=someday", "en");
        assertEquals(200, bad.status(), bad::toString);
        assertTrue(bad.body().contains("That is no date; this week is shown."), bad.body());
    }

    /** The markup of one day of the week view. */
    private static String dayOf(String page, LocalDate date) {
        int start = page.indexOf("data-date=\"" + date + "\"");
        assertTrue(start >= 0, "no " + date + " in the week");
        int end = page.indexOf("class=\"week-day", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }
}
