package org.meetingportal.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/**
 * "My meetings" at scale: 1,000 meetings of 20 attendees each, and the number of SQL statements one page
 * of the list costs, read from Hibernate's statistics through WildFly's management model. The count must
 * be the same as for a person with a single small meeting (no N+1). Prints the figures; times are not
 * asserted.
 */
class DashboardScaleIT extends PortalIT {

    private static final int MEETINGS = 1000;
    private static final int ATTENDEES = 20;

    @ArquillianResource
    ManagementClient management;

    @Test
    void theMyMeetingsPageCostsTheSameStatementsForAThousandMeetingsOfTwentyAttendees() throws Exception {
        Seeded seeded = seed("scale", "Crowd", false);
        assertTrue(seeded.big().page("index.xhtml").body().contains("Crowd"), "the big list is really shown");
        // Meetings for all employees that other tests scheduled are on everyone's list too.
        assertTrue(seeded.big().get("api/meetings").json().getJsonNumber("total").longValue() >= MEETINGS);
        measure(seeded, String.format("My meetings with %d meetings x %d attendees (seeded through the API in %d s)",
                MEETINGS, ATTENDEES, seeded.seeding().toSeconds()), "a person with one small meeting", "my-meetings");
    }

    /**
     * The same for 1,000 weekly series of a year each (52,000 occurrences): a series stands as one meeting row
     * until more are wanted, and a page expands only the series it shows.
     */
    @Test
    void theMyMeetingsPageCostsTheSameStatementsForAThousandWeeklySeries() throws Exception {
        Seeded seeded = seed("series", "Weekly", true);
        String shown = seeded.big().page("index.xhtml").body();
        assertTrue(shown.contains("Weekly") && shown.contains("Every week"), "the series are really shown");
        measure(seeded, String.format("My meetings with %d weekly series of 52 occurrences x %d attendees"
                + " (seeded through the API in %d s)", MEETINGS, ATTENDEES, seeded.seeding().toSeconds()),
                "a person with one series", "my-meetings-series");
    }

    /** A person with one meeting (or series), and one among {@link #ATTENDEES} in all of {@link #MEETINGS}. */
    private record Seeded(PortalClient small, PortalClient big, Duration seeding, String mail) {
    }

    private Seeded seed(String prefix, String title, boolean weekly) throws Exception {
        PortalClient admin = admin();
        String tag = TestPortal.uniqueName(prefix);
        PortalClient small = admin.createSignedInUser(tag + "-small", "EMPLOYEE", "small-dashboard-phrase");
        schedule(admin, 0, List.of(tag + "-small"), "Small", weekly);
        List<String> crowd = new ArrayList<>();
        for (int i = 0; i < ATTENDEES; i++) {
            crowd.add(tag + "-" + i);
        }
        PortalClient big = admin.createSignedInUser(crowd.get(0), "EMPLOYEE", "big-dashboard-phrase");
        for (String name : crowd.subList(1, ATTENDEES)) {
            admin.createUser(name, "EMPLOYEE", "crowd-member-phrase");
        }
        long sentBefore = sent(admin);
        Instant seedStart = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpAnswer>> answers = new ArrayList<>();
            for (int i = 0; i < MEETINGS; i++) {
                int hour = i + 1;
                answers.add(pool.submit(() -> schedule(admin, hour, crowd, title, weekly)));
            }
            for (Future<HttpAnswer> answer : answers) {
                assertEquals(201, answer.get().status());
            }
        } finally {
            pool.shutdownNow();
        }
        Duration seeding = Duration.between(seedStart, Instant.now());
        return new Seeded(small, big, seeding, outboxDrained(admin, sentBefore, seedStart, seeding));
    }

    private static long sent(PortalClient admin) {
        return admin.get("api/mail").json().getJsonObject("counts").getJsonNumber("SENT").longValue();
    }

    /**
     * With mail on, waits until every invitation the seeding wrote has gone out, so that the sender's statements
     * and work are not measured with the page's, and says how fast the outbox went: the messages sent since the
     * seeding began, over the time from its start until the last was sent.
     */
    private static String outboxDrained(PortalClient admin, long sentBefore, Instant seedStart, Duration seeding)
            throws InterruptedException {
        if (!admin.get("api/mail").json().getBoolean("enabled")) {
            return "";
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        while (admin.get("api/mail").json().getJsonObject("counts").getJsonNumber("PENDING").longValue() > 0) {
            assertTrue(Instant.now().isBefore(deadline), "the outbox drains within 15 minutes");
            Thread.sleep(200);
        }
        Duration all = Duration.between(seedStart, Instant.now());
        long messages = sent(admin) - sentBefore;
        return String.format("  outbox: %d invitations written with the meetings and sent to the SMTP server in %.1f s"
                + " from the first meeting (%.0f per second), the last %.1f s after the last meeting was planned%n",
                messages, all.toMillis() / 1000.0, messages * 1000.0 / all.toMillis(),
                all.minus(seeding).toMillis() / 1000.0);
    }

    /**
     * Asserts that the big list's My meetings and {@code GET /api/meetings} cost the statements of the small one's,
     * then prints them with the page's times and writes them to the figures file {@code figures}.
     */
    private void measure(Seeded seeded, String heading, String smallOne, String figures) throws IOException {
        PortalClient small = seeded.small();
        PortalClient big = seeded.big();
        setStatistics(true);
        try {
            long smallPage = statementsFor(small, "index.xhtml");
            long bigPage = statementsFor(big, "index.xhtml");
            long smallApi = statementsFor(small, "api/meetings");
            long bigApi = statementsFor(big, "api/meetings");
            assertEquals(smallPage, bigPage, "statements for My meetings must not grow with the meetings");
            assertEquals(smallApi, bigApi, "statements for GET /api/meetings must not grow either");
            long[] millis = new long[20];
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                assertEquals(200, big.page("index.xhtml").status());
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            String report = String.format("%s:%n"
                    + "  SQL statements per page request: %d (%s: %d)%n"
                    + "  SQL statements per GET /api/meetings: %d (%s: %d)%n"
                    + "  page time over %d requests: median %d ms, p90 %d ms, max %d ms%n%s",
                    heading, bigPage, smallOne, smallPage, bigApi, smallOne, smallApi, millis.length,
                    millis[millis.length / 2], millis[(int) (millis.length * 0.9)], millis[millis.length - 1],
                    seeded.mail());
            System.out.print(report);
            TestPortal.writeFigures(figures, report);
        } finally {
            setStatistics(false);
        }
    }

    private HttpAnswer schedule(PortalClient admin, int hoursAhead, List<String> attendees, String title,
            boolean weekly) {
        Instant start = Instant.now().plus(Duration.ofHours(hoursAhead + 1));
        JsonArrayBuilder names = Json.createArrayBuilder();
        attendees.forEach(names::add);
        JsonObjectBuilder body = Json.createObjectBuilder().add("title", title + " " + hoursAhead)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofMinutes(30)).toString())
                .add("timeZone", "Asia/Shanghai").add("attendees", names);
        if (weekly) {
            body.add("recurrence", Json.createObjectBuilder().add("frequency", "WEEKLY").add("count", 52));
        }
        HttpAnswer answer = admin.post("api/meetings", body.build());
        assertEquals(201, answer.status(), answer::toString);
        return answer;
    }

    /**
     * Statements Hibernate prepared while serving one request of {@code client}. The count is the whole
     * server's, and on PostgreSQL the shared call board's ticker adds its few statements every second: the
     * fewest over several requests is the request's own.
     */
    private long statementsFor(PortalClient client, String path) throws IOException {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = preparedStatements();
            HttpAnswer answer = path.startsWith("api/") ? client.get(path) : client.page(path);
            assertEquals(200, answer.status());
            fewest = Math.min(fewest, preparedStatements() - before);
        }
        return fewest;
    }

    private ModelNode persistenceUnit() {
        return Operations.createAddress("deployment", "meeting-portal.war", "subsystem", "jpa",
                "hibernate-persistence-unit", "meeting-portal.war#portal");
    }

    private void setStatistics(boolean enabled) throws IOException {
        ModelNode result = management.getControllerClient().execute(
                Operations.createWriteAttributeOperation(persistenceUnit(), "statistics-enabled", enabled));
        assertTrue(Operations.isSuccessfulOutcome(result), result::toString);
    }

    private long preparedStatements() throws IOException {
        ModelNode result = management.getControllerClient().execute(
                Operations.createReadAttributeOperation(persistenceUnit(), "prepared-statement-count"));
        assertTrue(Operations.isSuccessfulOutcome(result), result::toString);
        return Operations.readResult(result).asLong();
    }
}
