package org.meetingportal.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.CallSocketClient;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.Latencies;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/**
 * The room's chat from outside: messages reach every page in the room in one order and are read by those who
 * come late; bad messages are refused naming the field, with nothing kept; a fast writer is slowed down; only
 * people in the room write, and attendees only while a host allows it; the transcript after the meeting, and an
 * admin's deletion. Also raised hands a host lowers, and reactions. Prints the time from a message sent to
 * another page hearing it (one node; ClusterIT has it across nodes).
 */
class ChatApiIT extends PortalIT {

    private static final Duration SIGNAL = Duration.ofSeconds(5);

    private static PortalClient admin;
    private static String hostName;
    private static PortalClient host;

    @BeforeEach
    void people() {
        if (admin == null) {
            admin = admin();
            hostName = TestPortal.uniqueName("chhost");
            host = admin.createSignedInUser(hostName, "EMPLOYEE", "chat-host-phrase");
        }
    }

    private record Person(String name, PortalClient client) {
    }

    private static Person person(String prefix) {
        String name = TestPortal.uniqueName(prefix);
        return new Person(name, admin.createSignedInUser(name, "EMPLOYEE", "chat-person-phrase"));
    }

    private static String meeting(String waitingRoom, Person... attendees) {
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        var names = Json.createArrayBuilder();
        for (Person attendee : attendees) {
            names.add(attendee.name());
        }
        HttpAnswer created = admin.post("api/meetings", Json.createObjectBuilder().add("title", "Chat " + hostName)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofMinutes(30)).toString())
                .add("timeZone", "UTC").add("hosts", Json.createArrayBuilder().add(hostName)).add("attendees", names)
                .add("waitingRoom", waitingRoom).build());
        assertEquals(201, created.status(), created::toString);
        return "api/meetings/" + created.json().getJsonNumber("id").longValue();
    }

    private static void enter(PortalClient person, String meeting) {
        HttpAnswer credential = person.post(meeting + "/credentials", null);
        assertEquals(200, credential.status(), credential::toString);
    }

    private static JsonObject text(String text) {
        return Json.createObjectBuilder().add("text", text).build();
    }

    private static JsonObject say(PortalClient person, String meeting, String text) {
        HttpAnswer sent = person.post(meeting + "/chat", text(text));
        assertEquals(201, sent.status(), sent::toString);
        return sent.json();
    }

    private static JsonArray messages(PortalClient reader, String meeting) {
        HttpAnswer chat = reader.get(meeting + "/chat");
        assertEquals(200, chat.status(), chat::toString);
        return chat.json().getJsonArray("messages");
    }

    private static List<String> texts(JsonArray messages) {
        return messages.stream().map(m -> m.asJsonObject().getString("text")).toList();
    }

    @Test
    void messagesReachEveryPageInOneOrderAndLateComersReadThem() {
        Person ann = person("chann");
        Person bob = person("chbob");
        String meeting = meeting("NONE", ann, bob);
        enter(host, meeting);
        enter(ann.client(), meeting);
        Latencies latencies = new Latencies();
        try (CallSocketClient annPage = CallSocketClient.open(base, ann.client())) {
            annPage.next("hello");
            long previous = 0;
            for (int i = 0; i < 20; i++) {
                long sent = System.nanoTime();
                JsonObject message = say(i % 2 == 0 ? host : ann.client(), meeting, "line " + i);
                JsonObject heard = annPage.nextRoomEvent("chat", SIGNAL).getJsonObject("detail");
                latencies.add("chat", sent);
                assertEquals(message, heard, "the page hears the message as it was kept");
                assertTrue(heard.getJsonNumber("id").longValue() > previous, "in the order they were kept");
                previous = heard.getJsonNumber("id").longValue();
            }
        }
        System.out.print(latencies.lines("%s: a message sent to another page hearing it, one node: %d messages,"
                + " median %.1f ms, p99 %.1f ms%n"));
        enter(bob.client(), meeting);
        JsonArray late = messages(bob.client(), meeting);
        assertEquals(20, late.size(), "someone who comes late reads what was said");
        assertEquals("line 0", late.getJsonObject(0).getString("text"));
        assertEquals("line 19", late.getJsonObject(19).getString("text"));
        assertEquals(hostName, late.getJsonObject(0).getString("userId"));
        assertEquals("Test " + ann.name(), late.getJsonObject(1).getString("displayName"));
        assertTrue(late.getJsonObject(1).getString("sentAt").endsWith("Z"));
        assertEquals(texts(late), texts(messages(host, meeting)), "the same for everyone");
    }

    @Test
    void badMessagesAreRefusedNamingTheFieldAndNothingIsKept() {
        Person carol = person("chcarol");
        String meeting = meeting("NONE", carol);
        enter(carol.client(), meeting);
        for (String bad : List.of("", "   \n\t ", "x".repeat(2001), "ring\u0007bell", "evil\u202Egnp.exe", "nul\u0000")) {
            HttpAnswer refused = carol.client().post(meeting + "/chat", text(bad));
            assertEquals(400, refused.status(), refused::toString);
            assertEquals(List.of("text"), refused.problemFields(), refused::toString);
            assertTrue(refused.contentType().startsWith("application/problem+json"));
        }
        for (String body : List.of("{\"text\":42}", "{}", "[\"text\"]", "not json")) {
            HttpAnswer refused = carol.client().send("POST", meeting + "/chat", body);
            assertEquals(400, refused.status(), body + " " + refused);
        }
        assertEquals(0, messages(carol.client(), meeting).size(), "nothing kept");

        String emoji = "\uD83D\uDE00".repeat(2000);
        String markup = "<img src=x onerror=alert(1)> https://example.com/?a=1&b=2";
        try (CallSocketClient carolsPage = CallSocketClient.open(base, carol.client())) {
            carolsPage.next("hello");
            say(carol.client(), meeting, emoji);
            JsonObject heard = carolsPage.nextRoomEvent("chat", SIGNAL).getJsonObject("detail");
            assertFalse(heard.containsKey("text"), "8,000 bytes of text do not fit a signal: pages read the chat");
        }
        say(carol.client(), meeting, "  two\r\nlines  ");
        say(carol.client(), meeting, markup);
        assertEquals(List.of(emoji, "two\nlines", markup), texts(messages(carol.client(), meeting)),
                "2,000 characters of two UTF-16 units each fit; text is kept as text");
    }

    @Test
    void someoneWritingTooFastIsSlowedDownAndOthersAreNot() {
        Person dave = person("chdave");
        String meeting = meeting("NONE", dave);
        enter(dave.client(), meeting);
        for (int i = 0; i < ChatService.PACE_LIMIT; i++) {
            say(dave.client(), meeting, "quick " + i);
        }
        HttpAnswer slowed = dave.client().post(meeting + "/chat", text("one too many"));
        assertEquals(429, slowed.status(), slowed::toString);
        assertTrue(slowed.header("Retry-After").isPresent());
        say(host, meeting, "the host is not slowed by another's pace");
        assertFalse(texts(messages(host, meeting)).contains("one too many"));
    }

    @Test
    void onlyPeopleInTheRoomWriteAndAttendeesOnlyWhileAHostAllows() {
        Person erin = person("cherin");
        Person frank = person("chfrank");
        Person outsider = person("chout");
        String meeting = meeting("ALL_BUT_HOSTS", erin, frank);
        enter(host, meeting);
        assertEquals(401, new PortalClient(base).post(meeting + "/chat", text("hi")).status());
        assertEquals(401, new PortalClient(base).get(meeting + "/chat").status());
        assertEquals(404, outsider.client().post(meeting + "/chat", text("hi")).status());
        assertEquals(404, outsider.client().get(meeting + "/chat").status());
        assertEquals(409, erin.client().post(meeting + "/credentials", null).status(), "erin waits");
        HttpAnswer waiting = erin.client().post(meeting + "/chat", text("let me in"));
        assertEquals(403, waiting.status(), waiting::toString);
        assertTrue(waiting.json().getString("type").endsWith("room.notIn"));
        JsonObject whileWaiting = erin.client().get(meeting + "/chat").json();
        assertFalse(whileWaiting.getBoolean("youMayWrite"), "someone invited reads the meeting's chat, as in Teams,"
                + " but writes only once in the room: " + whileWaiting);

        assertEquals(200, host.post(meeting + "/lobby/" + erin.name() + "/admit", null).status());
        enter(erin.client(), meeting);
        say(erin.client(), meeting, "thanks");
        PortalClient forgetful = PortalClient.signedIn(base, erin.name(), "chat-person-phrase");
        forgetful.forgetCsrfToken();
        assertEquals(403, forgetful.post(meeting + "/chat", text("no token")).status(), "no CSRF token");

        JsonObject close = Json.createObjectBuilder().add("closedToAttendees", true).build();
        assertEquals(403, erin.client().put(meeting + "/chat/settings", close).status(), "attendees do not close it");
        assertEquals(400, host.put(meeting + "/chat/settings", Json.createObjectBuilder().add("closedToAttendees", "yes")
                .build()).status());
        try (CallSocketClient erinPage = CallSocketClient.open(base, erin.client())) {
            erinPage.next("hello");
            assertEquals(200, host.put(meeting + "/chat/settings", close).status());
            assertTrue(erinPage.nextRoomEvent("chat-settings", SIGNAL).getJsonObject("detail").getBoolean("closed"));
        }
        HttpAnswer closed = erin.client().post(meeting + "/chat", text("still here"));
        assertEquals(403, closed.status(), closed::toString);
        assertTrue(closed.json().getString("type").endsWith("chat.closed"));
        JsonObject erinsView = erin.client().get(meeting + "/chat").json();
        assertTrue(erinsView.getBoolean("closedToAttendees"));
        assertFalse(erinsView.getBoolean("youMayWrite"));
        say(host, meeting, "hosts always write");
        assertEquals(200, host.post(meeting + "/participants/" + erin.name() + "/make-cohost", null).status());
        say(erin.client(), meeting, "and so do co-hosts");

        assertEquals(200, host.put(meeting + "/chat/settings", Json.createObjectBuilder().add("closedToAttendees", false)
                .build()).status());
        assertEquals(409, frank.client().post(meeting + "/credentials", null).status(), "frank waits");
        assertEquals(200, host.post(meeting + "/lobby/" + frank.name() + "/deny", null).status());
        HttpAnswer denied = frank.client().get(meeting + "/chat");
        assertEquals(403, denied.status(), "someone turned away reads nothing: " + denied);
        String audit = admin.page("admin/audit.xhtml?meeting=" + meeting.substring(meeting.lastIndexOf('/') + 1)).body();
        assertTrue(audit.contains("closed the chat to attendees"), audit);
    }

    @Test
    void theTranscriptAfterTheMeetingAndAnAdminsDeletion() {
        Person gina = person("chgina");
        String meeting = meeting("NONE", gina);
        enter(gina.client(), meeting);
        say(host, meeting, "Welcome, everyone");
        say(gina.client(), meeting, "Two lines:\nthe second");
        assertEquals(200, host.post(meeting + "/end", null).status());
        HttpAnswer late = gina.client().post(meeting + "/chat", text("after the end"));
        assertEquals(409, late.status(), late::toString);

        HttpAnswer transcript = gina.client().send("GET", meeting + "/chat/transcript", null, "Accept", "text/plain");
        assertEquals(200, transcript.status(), transcript::toString);
        assertTrue(transcript.contentType().startsWith("text/plain"), transcript.contentType());
        assertTrue(transcript.header("Content-Disposition").orElse("").startsWith("attachment"));
        String text = transcript.body();
        assertTrue(text.contains("Test " + hostName + ": Welcome, everyone\n"), text);
        assertTrue(text.contains("Test " + gina.name() + ": Two lines:\n    the second\n"), text);
        assertTrue(text.indexOf("Welcome") < text.indexOf("Two lines"), text);
        String chinese = gina.client().send("GET", meeting + "/chat/transcript", null, "Accept", "text/plain",
                "Accept-Language", "zh-CN").body();
        assertTrue(chinese.contains("的聊天记录"), chinese);

        assertEquals(403, host.delete(meeting + "/chat").status(), "only admins delete a chat");
        assertEquals(204, admin.delete(meeting + "/chat").status());
        assertEquals(0, messages(gina.client(), meeting).size());
        assertFalse(gina.client().send("GET", meeting + "/chat/transcript", null, "Accept", "text/plain").body()
                .contains("Welcome"));
    }

    @Test
    void aHostLowersARaisedHandAndReactionsReachEveryone() {
        Person hank = person("chhank");
        Person ivy = person("chivy");
        Person outsider = person("chout2");
        String meeting = meeting("NONE", hank, ivy);
        long id = Long.parseLong(meeting.substring(meeting.lastIndexOf('/') + 1));
        enter(hank.client(), meeting);
        enter(ivy.client(), meeting);
        try (CallSocketClient hankPage = CallSocketClient.open(base, hank.client());
                CallSocketClient ivyPage = CallSocketClient.open(base, ivy.client())) {
            hankPage.next("hello");
            ivyPage.next("hello");
            hankPage.send(Json.createObjectBuilder().add("type", "room-presence").add("meeting", id).add("mic", false)
                    .add("camera", false).add("screen", false).add("hand", true).build().toString());
            ivyPage.nextRoomEvent("roster", SIGNAL);
            assertTrue(handRaised(hank.name(), meeting));
            assertEquals(403, ivy.client().post(meeting + "/participants/" + hank.name() + "/lower-hand", null).status());
            HttpAnswer lowered = host.post(meeting + "/participants/" + hank.name() + "/lower-hand", null);
            assertEquals(204, lowered.status(), lowered::toString);
            hankPage.nextRoomEvent("lower-hand", SIGNAL);
            assertFalse(handRaised(hank.name(), meeting));
            assertEquals(404, host.post(meeting + "/participants/" + hank.name() + "/lower-hand", null).status(),
                    "no hand is up");

            HttpAnswer clap = hank.client().post(meeting + "/reactions", Json.createObjectBuilder().add("reaction", "clap")
                    .build());
            assertEquals(204, clap.status(), clap::toString);
            JsonObject heard = ivyPage.nextRoomEvent("reaction", SIGNAL).getJsonObject("detail");
            assertEquals(hank.name(), heard.getString("userId"));
            assertEquals("clap", heard.getString("reaction"));
            assertEquals(429, hank.client().post(meeting + "/reactions", Json.createObjectBuilder()
                    .add("reaction", "heart").build()).status(), "one a second");
        }
        HttpAnswer unknown = ivy.client().post(meeting + "/reactions", Json.createObjectBuilder()
                .add("reaction", "<script>").build());
        assertEquals(400, unknown.status(), unknown::toString);
        assertEquals(List.of("reaction"), unknown.problemFields());
        assertEquals(404, outsider.client().post(meeting + "/reactions", Json.createObjectBuilder()
                .add("reaction", "clap").build()).status());
        String audit = admin.page("admin/audit.xhtml?meeting=" + id).body();
        assertTrue(audit.contains("lowered the raised hand"), audit);
    }

    private static boolean handRaised(String person, String meeting) {
        HttpAnswer roster = host.get(meeting + "/roster");
        assertEquals(200, roster.status(), roster::toString);
        return roster.jsonArray().stream().map(e -> e.asJsonObject()).filter(e -> e.getString("userId").equals(person))
                .findFirst().orElseThrow(() -> new AssertionError(person + " not in " + roster.body()))
                .getOrDefault("handRaisedAt", JsonValue.NULL) != JsonValue.NULL;
    }
}
