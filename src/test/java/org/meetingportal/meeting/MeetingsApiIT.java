package org.meetingportal.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/** {@code /api/meetings}: who sees what, the scheduling rules, stale edits, cancelling, calendars, room numbers. */
class MeetingsApiIT extends PortalIT {

    private PortalClient admin;
    private String hostName;
    private String attendeeName;
    private PortalClient host;
    private PortalClient attendee;
    private PortalClient outsider;

    @BeforeEach
    void people() {
        admin = admin();
        hostName = TestPortal.uniqueName("host");
        attendeeName = TestPortal.uniqueName("att");
        host = admin.createSignedInUser(hostName, "EMPLOYEE", "host-pass-phrase");
        attendee = admin.createSignedInUser(attendeeName, "EMPLOYEE", "attendee-pass-phrase");
        outsider = admin.createSignedInUser(TestPortal.uniqueName("out"), "EMPLOYEE", "outsider-pass-phrase");
    }

    private static String at(Duration fromNow) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).plus(fromNow).withNano(0).toString();
    }

    private JsonObjectBuilder meeting(String title, String access) {
        return Json.createObjectBuilder().add("title", title).add("description", "Agenda")
                .add("startsAt", at(Duration.ofDays(1))).add("endsAt", at(Duration.ofDays(1).plusHours(1)))
                .add("timeZone", "Asia/Shanghai").add("hosts", Json.createArrayBuilder().add(hostName))
                .add("attendees", Json.createArrayBuilder().add(attendeeName)).add("access", access)
                .add("attendeeRights", "NO_SCREEN_SHARE").add("muteOnEntry", true);
    }

    private JsonObject schedule(JsonObjectBuilder body) {
        HttpAnswer created = admin.post("api/meetings", body.build());
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    /** Whether any page of the client's list holds the meeting. */
    private static boolean lists(PortalClient client, long id, String when) {
        for (int page = 0; ; page++) {
            JsonObject answer = client.get("api/meetings?size=100&when=" + when + "&page=" + page).json();
            if (answer.getJsonArray("items").stream()
                    .anyMatch(m -> m.asJsonObject().getJsonNumber("id").longValue() == id)) {
                return true;
            }
            if ((page + 1) * 100L >= answer.getJsonNumber("total").longValue()) {
                return false;
            }
        }
    }

    @Test
    void invitedMeetingsAreSeenByTheirPeopleAndAdminsOnly() {
        JsonObject created = schedule(meeting("Budget " + hostName, "INVITED"));
        long id = created.getJsonNumber("id").longValue();
        assertTrue(created.getJsonNumber("roomId").longValue() >= 1 && created.getJsonNumber("roomId").longValue() <= 4294967294L);
        assertEquals("UPCOMING", created.getString("state"));
        assertTrue(created.getString("startsAt").endsWith("+08:00"), "times in the meeting's own zone");

        assertEquals("HOST", host.get("api/meetings/" + id).json().getString("yourRole"));
        assertEquals("ATTENDEE", attendee.get("api/meetings/" + id).json().getString("yourRole"));
        assertFalse(admin.get("api/meetings/" + id).json().containsKey("yourRole"));
        for (String path : List.of("", "/participants", "/calendar.ics")) {
            HttpAnswer hidden = outsider.send("GET", "api/meetings/" + id + path, null, "Accept", "*/*");
            assertEquals(404, hidden.status(), path);
            assertEquals(outsider.send("GET", "api/meetings/999999999" + path, null, "Accept", "*/*").body(),
                    hidden.body(), "no hint that it exists");
        }
        assertTrue(lists(host, id, "current"));
        assertTrue(lists(attendee, id, "current"));
        assertTrue(lists(admin, id, "current"), "admins' API list holds every meeting");
        assertFalse(lists(outsider, id, "current"));
        assertEquals(401, new PortalClient(base).get("api/meetings/" + id).status());
    }

    @Test
    void meetingsForAllEmployeesAreSeenByEveryone() {
        JsonObject created = schedule(meeting("All hands " + hostName, "ALL_EMPLOYEES"));
        long id = created.getJsonNumber("id").longValue();
        assertEquals(200, outsider.get("api/meetings/" + id).status());
        assertTrue(lists(outsider, id, "current"));
        assertFalse(outsider.get("api/meetings/" + id).json().containsKey("yourRole"));
    }

    @Test
    void participantsAreListedWithTheirDisplayNamesHostsFirst() {
        long id = schedule(meeting("Names " + hostName, "INVITED")).getJsonNumber("id").longValue();
        HttpAnswer answer = attendee.get("api/meetings/" + id + "/participants");
        assertEquals(200, answer.status());
        List<JsonObject> people = answer.jsonArray().stream().map(JsonValue::asJsonObject).toList();
        assertEquals(List.of(hostName, attendeeName), people.stream().map(p -> p.getString("userId")).toList());
        assertEquals("Test " + hostName, people.get(0).getString("displayName"));
        assertEquals("HOST", people.get(0).getString("role"));
    }

    @Test
    void employeesScheduleHostsEditAndCancelTheirOwnAndAdminsAny() {
        JsonObject body = Json.createObjectBuilder().add("title", "Planned by " + attendeeName)
                .add("startsAt", at(Duration.ofDays(2))).add("endsAt", at(Duration.ofDays(2).plusHours(1)))
                .add("timeZone", "Europe/Berlin").add("hosts", Json.createArrayBuilder())
                .add("attendees", Json.createArrayBuilder().add(hostName)).build();
        assertEquals(401, new PortalClient(base).post("api/meetings", body).status(), "anonymous");
        HttpAnswer own = attendee.post("api/meetings", body);
        assertEquals(201, own.status(), "any employee schedules: " + own);
        long id = own.json().getJsonNumber("id").longValue();
        assertEquals("HOST", own.json().getString("yourRole"), "and is its first host");
        assertEquals(List.of(attendeeName), own.json().getJsonArray("hosts").stream()
                .map(p -> p.asJsonObject().getString("userId")).toList());

        HttpAnswer named = host.post("api/meetings", Json.createObjectBuilder(body).add("hosts",
                Json.createArrayBuilder().add(outsiderName())).add("attendees", Json.createArrayBuilder().add(hostName))
                .build());
        assertEquals(201, named.status(), named::toString);
        assertEquals(List.of(hostName, outsiderName()).stream().sorted().toList(), named.json().getJsonArray("hosts")
                .stream().map(p -> p.asJsonObject().getString("userId")).sorted().toList(),
                "whoever an employee names as hosts, they are one of them");
        assertEquals(List.of(), named.json().getJsonArray("attendees").stream().toList(), "not also an attendee");

        long version = own.json().getJsonNumber("version").longValue();
        JsonObject edit = Json.createObjectBuilder(body).add("title", "Moved").add("version", version).build();
        assertEquals(403, host.put("api/meetings/" + id, edit).status(), "an attendee does not edit");
        assertEquals(403, host.delete("api/meetings/" + id).status(), "nor cancel");
        assertEquals(404, outsider.put("api/meetings/" + id, edit).status(), "another employee does not even see it");
        assertEquals(404, outsider.delete("api/meetings/" + id).status());
        HttpAnswer edited = attendee.put("api/meetings/" + id, Json.createObjectBuilder(edit)
                .add("hosts", Json.createArrayBuilder().add(hostName)).add("attendees", Json.createArrayBuilder()).build());
        assertEquals(200, edited.status(), "its host edits: " + edited);
        assertEquals("Moved", edited.json().getString("title"));
        assertEquals(List.of(attendeeName, hostName).stream().sorted().toList(), edited.json().getJsonArray("hosts")
                .stream().map(p -> p.asJsonObject().getString("userId")).sorted().toList(),
                "a host who edits stays a host: nobody edits themselves out");
        assertEquals(409, attendee.put("api/meetings/" + id, edit).status(), "with the same optimistic locking");
        JsonObject byAdmin = Json.createObjectBuilder(edit).add("title", "Admin's")
                .add("hosts", Json.createArrayBuilder().add(attendeeName).add(hostName))
                .add("attendees", Json.createArrayBuilder())
                .add("version", edited.json().getJsonNumber("version").longValue()).build();
        assertEquals(200, admin.put("api/meetings/" + id, byAdmin).status(), "admins edit any meeting");
        assertEquals(200, host.delete("api/meetings/" + id).status(), "a host the edit named cancels");
        assertEquals("CANCELLED", admin.get("api/meetings/" + id).json().getString("state"));
        assertEquals(200, admin.delete("api/meetings/" + named.json().getJsonNumber("id").longValue()).status(),
                "admins cancel any meeting");
    }

    /** The form's picker: colleagues by name for whoever plans, without what only admins read. */
    @Test
    void plannersFindColleaguesByNameAndNothingMore() {
        HttpAnswer found = host.get("api/people?q=" + attendeeName);
        assertEquals(200, found.status(), found::toString);
        assertEquals(1, found.jsonArray().size(), found::toString);
        JsonObject colleague = found.jsonArray().getJsonObject(0);
        assertEquals(attendeeName, colleague.getString("username"));
        assertEquals("Test " + attendeeName, colleague.getString("displayName"));
        assertEquals(Set.of("username", "displayName"), colleague.keySet(), "no e-mail, no role");
        assertEquals(200, admin.get("api/people?q=" + attendeeName).status());
        assertEquals(0, host.get("api/people?q=").jsonArray().size(), "no list of everyone");
        assertEquals(200, admin.post("api/users/" + attendeeName + "/disable", JsonValue.EMPTY_JSON_OBJECT).status());
        assertEquals(0, host.get("api/people?q=" + attendeeName).jsonArray().size(), "nobody disabled");
        assertEquals(401, new PortalClient(base).get("api/people?q=" + attendeeName).status());
        assertEquals(403, host.get("api/users?q=" + attendeeName).status(), "the accounts stay the admins'");
    }

    @Test
    void theListFindsMeetingsByTitleAndThePageToo() {
        long budget = schedule(meeting("Budget review 100% " + hostName, "INVITED")).getJsonNumber("id").longValue();
        long standup = schedule(meeting("Standup " + hostName, "INVITED")).getJsonNumber("id").longValue();
        List<Long> found = attendee.get("api/meetings?q=" + java.net.URLEncoder.encode("BUDGET REVIEW 100% " + hostName,
                java.nio.charset.StandardCharsets.UTF_8)).json().getJsonArray("items").stream()
                .map(m -> m.asJsonObject().getJsonNumber("id").longValue()).toList();
        assertEquals(List.of(budget), found, "case aside, and % is a character like any other");
        assertEquals(0, attendee.get("api/meetings?q=10_%25").json().getJsonNumber("total").longValue(),
                "nor is _ a wildcard");
        assertEquals(0, outsider.get("api/meetings?q=Standup+" + hostName).json().getJsonNumber("total").longValue(),
                "only among the meetings one may see");
        HttpAnswer tooLong = attendee.get("api/meetings?q=" + "x".repeat(201));
        assertEquals(400, tooLong.status(), tooLong::toString);
        assertEquals(List.of("q"), tooLong.problemFields());
        String page = attendee.page("index.xhtml?q=Standup+" + hostName, "en").body();
        assertTrue(page.contains("meeting.xhtml?id=" + standup), "My meetings searches the same way");
        assertFalse(page.contains("meeting.xhtml?id=" + budget), page);
    }

    private String outsiderName() {
        return outsider.get("api/me").json().getString("username");
    }

    @Test
    void badMeetingsAreRefusedFieldByFieldAndNothingIsSaved() {
        long before = admin.get("api/meetings?size=1").json().getJsonNumber("total").longValue();
        HttpAnswer bad = admin.post("api/meetings", Json.createObjectBuilder().add("title", "")
                .add("startsAt", at(Duration.ofHours(3))).add("endsAt", at(Duration.ofHours(2)))
                .add("timeZone", "Moon/Base").add("attendees", Json.createArrayBuilder().add("nobody-" + hostName))
                .add("access", "EVERYONE").build());
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(List.of("title", "endsAt", "timeZone", "access"), bad.problemFields());
        HttpAnswer unknown = admin.post("api/meetings", meeting("Ghosts", "INVITED")
                .add("attendees", Json.createArrayBuilder().add("nobody-" + hostName)).build());
        assertEquals(400, unknown.status());
        assertEquals(List.of("attendees"), unknown.problemFields());
        HttpAnswer ended = admin.post("api/meetings", meeting("Over", "INVITED")
                .add("startsAt", at(Duration.ofHours(-3))).add("endsAt", at(Duration.ofHours(-1))).build());
        assertEquals(List.of("endsAt"), ended.problemFields());
        assertEquals(before, admin.get("api/meetings?size=1").json().getJsonNumber("total").longValue());
        for (String id : List.of("abc", "-1", "0", "99999999999999999999")) {
            assertEquals(404, admin.get("api/meetings/" + id).status(), id);
        }
        assertEquals(400, admin.get("api/meetings?when=someday").status());
    }

    @Test
    void aMeetingCanStartNowAndIsOpenAtOnce() {
        JsonObject now = schedule(meeting("Meet now " + hostName, "INVITED")
                .add("startsAt", at(Duration.ofMinutes(-5))).add("endsAt", at(Duration.ofMinutes(30))));
        assertEquals("OPEN", now.getString("state"));
        JsonObject soon = schedule(meeting("Soon " + hostName, "INVITED")
                .add("startsAt", at(Duration.ofMinutes(5))).add("endsAt", at(Duration.ofMinutes(30))));
        assertEquals("OPEN", soon.getString("state"), "open ten minutes before the start");
        assertTrue(Instant.parse(soon.getString("opensAt").replace("+08:00", "Z")).isBefore(
                Instant.parse(soon.getString("startsAt").replace("+08:00", "Z"))));
    }

    @Test
    void editsKeepTheRoomRaiseTheSequenceAndStaleOnesAreRefused() {
        JsonObject created = schedule(meeting("Edit me " + hostName, "INVITED"));
        long id = created.getJsonNumber("id").longValue();
        long version = created.getJsonNumber("version").longValue();
        JsonObject edit = meeting("Edited " + hostName, "ALL_EMPLOYEES").add("version", version).build();
        HttpAnswer edited = admin.put("api/meetings/" + id, edit);
        assertEquals(200, edited.status(), edited::toString);
        assertEquals(created.getJsonNumber("roomId").longValue(), edited.json().getJsonNumber("roomId").longValue());
        assertEquals(1, edited.json().getInt("sequence"));
        assertEquals("ALL_EMPLOYEES", edited.json().getString("access"));

        HttpAnswer stale = admin.put("api/meetings/" + id, edit);
        assertEquals(409, stale.status());
        assertEquals("urn:meeting-portal:problem:error.stale", stale.json().getString("type"));
        HttpAnswer noVersion = admin.put("api/meetings/" + id, meeting("No version", "INVITED").build());
        assertEquals(List.of("version"), noVersion.problemFields());
    }

    @Test
    void cancellingKeepsTheRecordAndTellsCalendars() throws Exception {
        JsonObject created = schedule(meeting("Cancel me " + hostName, "INVITED"));
        long id = created.getJsonNumber("id").longValue();
        HttpAnswer cancelled = admin.delete("api/meetings/" + id);
        assertEquals(200, cancelled.status());
        assertEquals("CANCELLED", cancelled.json().getString("status"));
        assertEquals("CANCELLED", attendee.get("api/meetings/" + id).json().getString("state"), "still on record");
        HttpAnswer edit = admin.put("api/meetings/" + id, meeting("Too late", "INVITED")
                .add("version", cancelled.json().getJsonNumber("version").longValue()).build());
        assertEquals(409, edit.status());

        HttpAnswer ics = calendar(attendee, id);
        assertEquals(200, ics.status());
        assertTrue(ics.contentType().startsWith("text/calendar"));
        assertTrue(ics.body().contains("\r\nMETHOD:CANCEL\r\n"));
        VEvent event = parseIcs(ics.body());
        assertEquals("CANCELLED", event.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("1", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
    }

    @Test
    void theCalendarFileImportsIntoACalendarLibrary() throws Exception {
        long id = schedule(meeting("Calendar " + hostName, "INVITED")).getJsonNumber("id").longValue();
        HttpAnswer ics = calendar(attendee, id);
        assertEquals(200, ics.status());
        VEvent event = parseIcs(ics.body());
        assertEquals("Calendar " + hostName, event.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertTrue(event.getProperty(Property.URL).orElseThrow().getValue().endsWith("/meeting.xhtml?id=" + id));
        assertEquals("mailto:" + hostName + "@meeting-portal.invalid",
                event.getProperty(Property.ORGANIZER).orElseThrow().getValue(), "an attendee sees no other address");
        assertEquals(2, event.getProperties(Property.ATTENDEE).size());
        assertEquals("mailto:" + hostName + "@example.com",
                parseIcs(calendar(host, id).body()).getProperty(Property.ORGANIZER).orElseThrow().getValue());
    }

    @Test
    void onlyHostsAndAdminsFindOtherPeoplesAddressesInTheCalendarFile() throws Exception {
        long id = schedule(meeting("All hands " + hostName, "ALL_EMPLOYEES")).getJsonNumber("id").longValue();
        String hostAddress = hostName + "@example.com";
        String attendeeAddress = attendeeName + "@example.com";

        String anyEmployee = unfolded(calendar(outsider, id));
        assertFalse(anyEmployee.contains(hostAddress), anyEmployee);
        assertFalse(anyEmployee.contains(attendeeAddress), anyEmployee);
        assertTrue(anyEmployee.contains("CN=\"Test " + hostName + "\""), "names stay: " + anyEmployee);
        parseIcs(calendar(outsider, id).body());

        String invited = unfolded(calendar(attendee, id));
        assertFalse(invited.contains(hostAddress), invited);
        assertTrue(invited.contains("mailto:" + attendeeAddress), "one's own address may stay: " + invited);

        for (PortalClient reader : List.of(host, admin)) {
            String full = unfolded(calendar(reader, id));
            assertTrue(full.contains("mailto:" + hostAddress) && full.contains("mailto:" + attendeeAddress), full);
        }
    }

    private static String unfolded(HttpAnswer ics) {
        assertEquals(200, ics.status(), ics::toString);
        return ics.body().replace("\r\n ", "");
    }

    @Test
    void fiftyMeetingsScheduledAtOnceGetFiftyDistinctRooms() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<HttpAnswer>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                JsonObject body = meeting("Concurrent " + i + " " + hostName, "INVITED").build();
                answers.add(pool.submit(() -> admin.post("api/meetings", body)));
            }
            Set<Long> rooms = new HashSet<>();
            for (Future<HttpAnswer> answer : answers) {
                HttpAnswer created = answer.get();
                assertEquals(201, created.status(), created::toString);
                rooms.add(created.json().getJsonNumber("roomId").longValue());
            }
            assertEquals(50, rooms.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpAnswer calendar(PortalClient client, long id) {
        return client.send("GET", "api/meetings/" + id + "/calendar.ics", null, "Accept", "text/calendar, */*");
    }

    private static VEvent parseIcs(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(1, events.size());
        return events.get(0);
    }
}
