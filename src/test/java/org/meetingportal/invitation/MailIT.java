package org.meetingportal.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.CallSocketClient;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;
import org.meetingportal.testing.TestSmtp;

/**
 * Invitations, their changes and cancellations, and reminders, as the people receive them from a real SMTP
 * server: parsed as mail, the attached calendar entry read back with ical4j; a refused address and an SMTP
 * server that goes away. The runs without an SMTP server check that nothing is written.
 */
class MailIT extends PortalIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private String hostName;
    private String attendeeName;
    private PortalClient host;

    @BeforeEach
    void people() {
        PortalClient admin = admin();
        hostName = TestPortal.uniqueName("mhost");
        attendeeName = TestPortal.uniqueName("matt");
        host = admin.createSignedInUser(hostName, "EMPLOYEE", "host-pass-phrase");
        admin.createSignedInUser(attendeeName, "EMPLOYEE", "attendee-pass-phrase");
        // The attendee reads Chinese: the language they sign in with is what they are written to in.
        HttpAnswer signedIn = new PortalClient(base).send("POST", "api/session", Json.createObjectBuilder()
                .add("username", attendeeName).add("password", "attendee-pass-phrase").build().toString(),
                "Accept-Language", "zh-CN,zh;q=0.9");
        assertEquals(200, signedIn.status(), signedIn::toString);
    }

    private static String address(String username) {
        return username + "@example.com";
    }

    private JsonObjectBuilder meeting(String title, ZonedDateTime start, String... attendees) {
        var people = Json.createArrayBuilder();
        for (String attendee : attendees) {
            people.add(attendee);
        }
        return Json.createObjectBuilder().add("title", title).add("startsAt", start.toOffsetDateTime().toString())
                .add("endsAt", start.plusHours(1).toOffsetDateTime().toString()).add("timeZone", SHANGHAI.getId())
                .add("attendees", people);
    }

    private JsonObject schedule(JsonObjectBuilder body) {
        HttpAnswer created = host.post("api/meetings", body.build());
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String plain) {
            return plain;
        }
        Multipart mixed = (Multipart) content;
        Multipart alternatives = (Multipart) mixed.getBodyPart(0).getContent();
        return (String) alternatives.getBodyPart(0).getContent();
    }

    private static BodyPart attachment(MimeMessage message) throws Exception {
        Multipart mixed = (Multipart) message.getContent();
        BodyPart file = mixed.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, file.getDisposition());
        return file;
    }

    private static Calendar calendar(MimeMessage message) throws Exception {
        try (InputStream in = attachment(message).getInputStream()) {
            Calendar calendar = new CalendarBuilder().build(new StringReader(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8)));
            assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
            return calendar;
        }
    }

    private static String property(Calendar calendar, String name) {
        return calendar.getProperty(name).map(Property::getValue).orElseThrow();
    }

    private static VEvent event(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").get(0);
    }

    private static String eventProperty(Calendar calendar, String name) {
        return event(calendar).getProperty(name).map(Property::getValue).orElseThrow();
    }

    /**
     * Payara's run is prepared with use-smtp-login.asadmin and sends to a relay that refuses a sender who has
     * not signed in; WildFly's script is checked in RestartIT.
     */
    @Test
    void payaraSignsInToARelayThatWantsALogin() throws Exception {
        TestSmtp smtp = TestSmtp.required();
        assertEquals("payara-h2".equals(System.getProperty("portal.it.run")), smtp.loginRequired(),
                "the relay wants a login in Payara's H2 run only");
        if (smtp.loginRequired()) {
            Properties plain = new Properties();
            plain.put("mail.smtp.host", "127.0.0.1");
            plain.put("mail.smtp.port", TestPortal.setting("PORTAL_SMTP_PORT"));
            MimeMessage anonymous = new MimeMessage(Session.getInstance(plain));
            anonymous.setFrom("nobody@portal.test");
            anonymous.setRecipients(MimeMessage.RecipientType.TO, address(attendeeName));
            anonymous.setText("not signed in");
            MessagingException refused = assertThrows(MessagingException.class, () -> Transport.send(anonymous));
            assertTrue(String.valueOf(refused.getMessage()).contains("530"), refused::toString);
        }
        schedule(meeting("Signed in " + hostName, ZonedDateTime.now(SHANGHAI).plusDays(1), attendeeName));
        smtp.await(address(attendeeName), 1, WAIT);
    }

    @Test
    void everyoneIsInvitedInTheirLanguageAndHearsOfEachChangeOnce() throws Exception {
        TestSmtp smtp = TestSmtp.required();
        ZonedDateTime start = ZonedDateTime.now(SHANGHAI).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        String title = "Plan \"Q3\" / 预算: a<b>\\c";
        JsonObject created = schedule(meeting(title, start, attendeeName));
        long id = created.getJsonNumber("id").longValue();

        MimeMessage toAttendee = smtp.await(address(attendeeName), 1, WAIT).get(0);
        assertEquals("会议邀请：" + title, toAttendee.getSubject());
        assertEquals("meetings@portal.test", toAttendee.getFrom()[0].toString());
        String body = text(toAttendee);
        assertTrue(body.contains("邀请您参加“" + title + "”"), body);
        assertTrue(body.contains("加入会议：http://localhost:8080/meeting.xhtml?id=" + id), body);
        assertTrue(body.contains("(Asia/Shanghai)"), body);
        String fileName = attachment(toAttendee).getFileName();
        assertEquals("Plan _Q3_ _ 预算_ a_b__c.ics", fileName, "a name every mail program and file system takes");
        Calendar invited = calendar(toAttendee);
        assertEquals("REQUEST", property(invited, "METHOD"));
        assertEquals("0", eventProperty(invited, "SEQUENCE"));
        assertEquals(title, eventProperty(invited, "SUMMARY"));
        assertEquals(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(start),
                eventProperty(invited, "DTSTART"));
        assertTrue(toAttendee.getContentType().startsWith("multipart/mixed"));

        MimeMessage toHost = smtp.await(address(hostName), 1, WAIT).get(0);
        assertEquals("Invitation: " + title, toHost.getSubject(), "a host who never chose Chinese reads English");
        assertTrue(text(toHost).contains("Join: http://localhost:8080/meeting.xhtml?id=" + id));

        // Moved an hour: both hear of it once, with the calendar's SEQUENCE raised.
        HttpAnswer moved = host.put("api/meetings/" + id, meeting(title, start.plusHours(1), attendeeName)
                .add("version", created.getJsonNumber("version").longValue()).build());
        assertEquals(200, moved.status(), moved::toString);
        MimeMessage change = smtp.await(address(attendeeName), 2, WAIT).get(1);
        assertEquals("会议已更新：" + title, change.getSubject());
        assertEquals("1", eventProperty(calendar(change), "SEQUENCE"));
        assertEquals(2, smtp.await(address(hostName), 2, WAIT).size());

        // The attendee taken off: they get the entry that takes it out of their calendar.
        HttpAnswer without = host.put("api/meetings/" + id, meeting(title, start.plusHours(1))
                .add("version", moved.json().getJsonNumber("version").longValue()).build());
        assertEquals(200, without.status(), without::toString);
        MimeMessage removal = smtp.await(address(attendeeName), 3, WAIT).get(2);
        assertEquals("会议已取消：" + title, removal.getSubject());
        assertEquals("CANCEL", property(calendar(removal), "METHOD"));

        // Cancelled: the host's calendar drops it.
        assertEquals(200, host.delete("api/meetings/" + id).status());
        MimeMessage cancelled = smtp.await(address(hostName), 4, WAIT).get(3);
        assertEquals("Cancelled: " + title, cancelled.getSubject());
        Calendar cancellation = calendar(cancelled);
        assertEquals("CANCEL", property(cancellation, "METHOD"));
        assertEquals(eventProperty(invited, "UID"), eventProperty(cancellation, "UID"));

        Thread.sleep(3000);
        assertEquals(3, smtp.to(address(attendeeName)).size(), "each change once, none twice");
        assertEquals(4, smtp.to(address(hostName)).size(), "each change once, none twice");
    }

    @Test
    void aMeetingMadeWeeklyBecomesTheSeriesInTheCalendarItWasIn() throws Exception {
        TestSmtp smtp = TestSmtp.required();
        ZonedDateTime start = ZonedDateTime.now(SHANGHAI).plusDays(1).truncatedTo(ChronoUnit.HOURS);
        String title = "Grows weekly " + hostName;
        JsonObject created = schedule(meeting(title, start, attendeeName));
        Calendar single = calendar(smtp.await(address(attendeeName), 1, WAIT).get(0));
        HttpAnswer weekly = host.put("api/meetings/" + created.getJsonNumber("id").longValue(),
                meeting(title, start, attendeeName).add("version", created.getJsonNumber("version").longValue())
                        .add("recurrence", Json.createObjectBuilder().add("frequency", "WEEKLY").add("count", 4)).build());
        assertEquals(200, weekly.status(), weekly::toString);
        MimeMessage change = smtp.await(address(attendeeName), 2, WAIT).get(1);
        assertEquals("会议已更新：" + title, change.getSubject());
        Calendar series = calendar(change);
        assertEquals(eventProperty(single, "UID"), eventProperty(series, "UID"), "the same entry, now repeating");
        assertTrue(Integer.parseInt(eventProperty(series, "SEQUENCE")) > Integer.parseInt(eventProperty(single, "SEQUENCE")));
        String rule = eventProperty(series, "RRULE");
        assertTrue(rule.startsWith("FREQ=WEEKLY") && rule.contains("COUNT=4"), rule);
        assertTrue(text(change).contains("重复："), text(change));
    }

    @Test
    void anAddressTheServerRefusesIsGivenUpOnAndTheOthersStillGetTheirs() throws Exception {
        TestSmtp smtp = TestSmtp.required();
        PortalClient admin = admin();
        String refusedName = TestPortal.uniqueName(TestSmtp.REFUSED);
        admin.createUser(refusedName, "EMPLOYEE", "refused-pass-phrase");
        JsonObject created = schedule(meeting("Refused " + hostName, ZonedDateTime.now(SHANGHAI).plusDays(2),
                refusedName, attendeeName));
        smtp.await(address(attendeeName), 1, WAIT);
        smtp.await(address(hostName), 1, WAIT);
        JsonObject failed = awaitUnsent(admin, refusedName, "FAILED");
        assertTrue(failed.getString("lastError").contains("550"), failed::toString);
        assertEquals(1, failed.getInt("attempts"), "a refusal is not tried again");
        assertEquals(List.of(), smtp.to(address(refusedName)));
        assertEquals(403, host.get("api/mail").status(), "the outbox is for admins");
        assertEquals(401, new PortalClient(base).get("api/mail").status());
        assertTrue(created.getJsonNumber("id").longValue() > 0);
    }

    @Test
    void mailWaitsWhileTheSmtpServerIsDownAndGoesOutOnceItIsBack() throws Exception {
        TestSmtp smtp = TestSmtp.required();
        PortalClient admin = admin();
        smtp.stop();
        try {
            schedule(meeting("While down " + hostName, ZonedDateTime.now(SHANGHAI).plusDays(2), attendeeName));
            JsonObject waiting = awaitUnsent(admin, attendeeName, "PENDING");
            assertTrue(waiting.getString("lastError").contains("MailConnectException"), waiting::toString);
        } finally {
            smtp.start();
        }
        assertEquals(1, smtp.await(address(attendeeName), 1, Duration.ofSeconds(60)).size());
        Thread.sleep(3000);
        assertEquals(1, smtp.to(address(attendeeName)).size(), "sent once the server is back, and once only");
    }

    /**
     * The SMTP server goes away while a burst of invitations is going out and comes back: every person gets every
     * invitation. A message the server took just as it went away may come twice, and then with the same Message-ID.
     */
    @Test
    void theSmtpServerStoppedWhileInvitationsGoOutLosesNone() throws Exception {
        TestSmtp smtp = TestSmtp.required();
        PortalClient admin = admin();
        List<String> crowd = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = TestPortal.uniqueName("mcrowd");
            admin.createUser(name, "EMPLOYEE", "crowd-mail-phrase");
            crowd.add(name);
        }
        int meetings = 8;
        List<String> titles = new ArrayList<>();
        ExecutorService planner = Executors.newSingleThreadExecutor();
        try {
            Future<?> planned = planner.submit(() -> {
                for (int i = 0; i < meetings; i++) {
                    String title = "Burst " + i + " " + hostName;
                    titles.add(title);
                    schedule(meeting(title, ZonedDateTime.now(SHANGHAI).plusDays(5).plusHours(i),
                            crowd.toArray(String[]::new)));
                }
                return null;
            });
            smtp.await(address(crowd.get(0)), 1, WAIT);
            smtp.stop();
            Thread.sleep(1500);
            smtp.start();
            planned.get();
        } finally {
            planner.shutdownNow();
        }
        int duplicates = 0;
        for (String person : crowd) {
            List<MimeMessage> received = smtp.await(address(person), meetings, Duration.ofSeconds(60));
            Set<String> ids = new HashSet<>();
            Set<String> subjects = new HashSet<>();
            for (MimeMessage message : received) {
                ids.add(message.getMessageID());
                subjects.add(message.getSubject());
            }
            assertEquals(meetings, ids.size(), "every invitation, once per Message-ID, to " + person);
            assertEquals(titles.stream().map(t -> "Invitation: " + t).collect(Collectors.toSet()), subjects);
            duplicates += received.size() - ids.size();
        }
        System.out.println("SMTP server stopped mid-burst: " + crowd.size() * meetings + " invitations, " + duplicates
                + " delivered twice with the same Message-ID");
    }

    /**
     * The outbox's throughput: 50 meetings of 20 attendees and a host planned by six clients at once, 1,050
     * invitations with their calendar entries, from the first plan until the SMTP server has the last. A figure,
     * not a limit: it is printed and written to {@code target/benchmarks/outbox-<run>.txt}.
     */
    @Test
    void outboxThroughput() throws Exception {
        TestSmtp smtp = TestSmtp.required();
        PortalClient admin = admin();
        List<String> crowd = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = TestPortal.uniqueName("mput");
            admin.createUser(name, "EMPLOYEE", "throughput-phrase");
            crowd.add(name);
        }
        int meetings = 50;
        long before = smtp.received().size();
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<JsonObject>> plans = new ArrayList<>();
            for (int i = 0; i < meetings; i++) {
                ZonedDateTime start = ZonedDateTime.now(SHANGHAI).plusDays(10).plusHours(i);
                String title = "Throughput " + i + " " + hostName;
                plans.add(clients.submit(() -> schedule(meeting(title, start, crowd.toArray(String[]::new)))));
            }
            for (Future<JsonObject> plan : plans) {
                plan.get();
            }
        } finally {
            clients.shutdownNow();
        }
        long planned = System.nanoTime();
        int messages = meetings * (crowd.size() + 1);
        Instant until = Instant.now().plusSeconds(120);
        while (smtp.received().size() - before < messages) {
            assertTrue(Instant.now().isBefore(until), "all " + messages + " invitations within two minutes");
            Thread.sleep(20);
        }
        long done = System.nanoTime();
        String figures = String.format("Outbox: %d invitations (%d meetings x %d people) planned by 6 clients in %.1f s,"
                + " all at the SMTP server %.1f s after the first plan: %.0f messages per second%n", messages, meetings,
                crowd.size() + 1, (planned - started) / 1e9, (done - started) / 1e9, messages / ((done - started) / 1e9));
        System.out.print(figures);
        TestPortal.writeFigures("outbox", figures);
        for (String person : crowd) {
            assertEquals(meetings, smtp.to(address(person)).size(), "each invitation once to " + person);
        }
    }

    @Test
    void aReminderComesByMailAndOnOpenPagesOnce() throws Exception {
        TestSmtp smtp = TestSmtp.required();
        PortalClient attendee = PortalClient.signedIn(base, attendeeName, "attendee-pass-phrase");
        try (CallSocketClient page = CallSocketClient.open(base, attendee)) {
            page.next("hello", WAIT);
            // Reminders come a minute ahead in this run: this one is due in about ten seconds.
            ZonedDateTime start = ZonedDateTime.now(SHANGHAI).plusSeconds(70);
            JsonObject created = schedule(meeting("Soon " + hostName, start, attendeeName));
            long id = created.getJsonNumber("id").longValue();
            JsonObject notice = page.next("reminder", Duration.ofSeconds(60));
            assertEquals(id, notice.getJsonNumber("meeting").longValue());
            assertEquals("Soon " + hostName, notice.getString("title"));
            assertEquals("/meeting.xhtml?id=" + id, notice.getString("path"));
            List<MimeMessage> mail = smtp.await(address(attendeeName), 2, WAIT);
            MimeMessage reminder = mail.stream().filter(m -> subject(m).startsWith("会议提醒：")).findFirst().orElseThrow();
            assertTrue(text(reminder).contains("加入会议：http://localhost:8080/meeting.xhtml?id=" + id));
            // Reminders are looked for every 5 s: long enough for a second one to have come.
            Thread.sleep(6_000);
            assertFalse(page.receives("reminder", Duration.ofSeconds(1)), "one reminder per meeting");
            assertEquals(1, smtp.to(address(attendeeName)).stream().filter(m -> subject(m).startsWith("会议提醒："))
                    .count(), "one reminder per meeting");
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for an unsent message to this person in this state in the admins' view of the outbox. */
    private static JsonObject awaitUnsent(PortalClient admin, String username, String state) throws Exception {
        for (int i = 0; i < 300; i++) {
            HttpAnswer outbox = admin.get("api/mail");
            assertEquals(200, outbox.status(), outbox::toString);
            assertTrue(outbox.json().getBoolean("enabled"));
            Optional<JsonObject> found = outbox.json().getJsonArray("unsent").stream().map(JsonValue::asJsonObject)
                    .filter(m -> m.getString("username").equals(username) && m.getString("state").equals(state))
                    .findFirst();
            // Tried and answered: a message claimed has its attempt counted before the server's answer is written.
            if (found.isPresent() && found.get().getInt("attempts") > 0
                    && found.get().getString("lastError", null) != null) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + state + " message to " + username);
    }

}
