package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/**
 * The database goes away under a running portal, as in a restart or a failover of PostgreSQL: every
 * connection the pool holds is cut and, for a while, no new one is accepted. The portal must say so in
 * every answer, lose nobody's session, and carry on by itself once the database is back.
 * <p>
 * Runs on the PostgreSQL runs only (the pom leaves it out of the H2 runs): an embedded H2 lives inside the
 * server and cannot go away on its own. The test does to the server's database what a restart does, through
 * PostgreSQL itself: it closes the database to new connections and ends every session on it.
 */
class DatabaseOutageIT extends PortalIT {

    private static final String POSTGRESQL = TestPortal.onPostgresql() ? TestPortal.postgresqlServer() : null;
    private static final String DATABASE = TestPortal.onPostgresql() ? TestPortal.postgresqlDatabase() : null;
    private static final String USER = "portal";
    private static final String PASSWORD = "portal-test-database";
    private static final Duration BACK_WITHIN = Duration.ofSeconds(30);

    @AfterEach
    void databaseBack() throws SQLException {
        acceptConnections(true);
    }

    @Test
    void connectionsCutUnderThePoolAreReplacedWithoutAnyoneNoticing() throws SQLException {
        Attendee attendee = attendeeOfAMeetingNow("cut", "cut-connections-phrase");
        PortalClient person = attendee.client();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, person.get("api/me").status());
        }

        assertTrue(endSessions() > 0, "the pool held connections to cut");

        for (int i = 0; i < 5; i++) {
            HttpAnswer me = person.get("api/me");
            assertEquals(200, me.status(), me::toString);
        }
        HttpAnswer credentials = person.post("api/meetings/" + attendee.meeting() + "/credentials", null);
        assertEquals(200, credentials.status(), credentials::toString);
    }

    @Test
    void whileTheDatabaseIsAwayEveryAnswerSaysSoAndItAllWorksAgainAfter() throws SQLException {
        Attendee attendee = attendeeOfAMeetingNow("away", "database-away-phrase");
        String name = attendee.username();
        PortalClient person = attendee.client();
        long meeting = attendee.meeting();
        PortalClient signingIn = new PortalClient(base);
        assertEquals(200, signingIn.page("login.xhtml").status());
        assertEquals(404, signingIn.get("error/database-unavailable").status(), "only the portal itself forwards there");
        assertEquals(200, signingIn.page("login.xhtml").status());
        assertEquals(200, person.page("account.xhtml").status());

        acceptConnections(false);
        endSessions();

        HttpAnswer health = new PortalClient(base).get("api/health");
        assertEquals(503, health.status(), health::toString);
        assertEquals("DOWN", health.json().getString("status"));

        HttpAnswer me = person.get("api/me");
        assertUnavailable(me);
        assertTrue(me.json().getString("detail").startsWith("The portal cannot reach its database"), me::toString);
        HttpAnswer meInChinese = person.send("GET", "api/me", null, "Accept-Language", "zh-CN");
        assertUnavailable(meInChinese);
        assertTrue(meInChinese.json().getString("detail").startsWith("门户暂时无法连接数据库"), meInChinese::toString);
        assertUnavailable(person.post("api/meetings/" + meeting + "/credentials", null));
        assertUnavailable(new PortalClient(base).signIn(name, "database-away-phrase"));

        // A form a signed-in person had open: the page that says so, not that form restored or an expired view.
        HttpAnswer formSent = person.submit("account.xhtml", "password", "submit",
                Map.of("current", "database-away-phrase", "new", "another-away-phrase", "repeated", "another-away-phrase"));
        assertEquals(503, formSent.status(), formSent::toString);
        assertTrue(formSent.body().contains("The portal cannot reach its database"), formSent::toString);
        HttpAnswer page = person.page("index.xhtml");
        assertEquals(503, page.status(), page::toString);
        assertEquals(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS), page.header("Retry-After").orElse(""));
        assertTrue(page.body().contains("The portal cannot reach its database"), page::toString);
        assertTrue(page.header("Content-Security-Policy").isPresent(), "the page keeps its browser protections");
        HttpAnswer signInPage = signingIn.submit("login.xhtml", "login", "submit",
                Map.of("username", name, "password", "database-away-phrase"));
        assertEquals(503, signInPage.status(), signInPage::toString);
        assertTrue(signInPage.body().contains("The portal cannot reach its database"), signInPage::toString);
        assertTrue(TestPortal.serverLog().contains("security_event=authn_login_unavailable user=\"" + name + "\""),
                "a sign-in that could not be checked is a security event");
        HttpAnswer styles = person.page("resources/css/portal.css");
        assertEquals(200, styles.status(), "the page that says so keeps its styles: " + styles);

        acceptConnections(true);

        HttpAnswer back = firstAnswerOf200(person, "api/me");
        assertEquals(name, back.json().getString("username"), "still signed in, in the same session");
        HttpAnswer credentials = person.post("api/meetings/" + meeting + "/credentials", null);
        assertEquals(200, credentials.status(), credentials::toString);
        assertEquals(200, new PortalClient(base).get("api/health").status());
        assertEquals(200, new PortalClient(base).signIn(name, "database-away-phrase").status());
    }

    private static void assertUnavailable(HttpAnswer answer) {
        assertEquals(503, answer.status(), answer::toString);
        assertTrue(answer.contentType().startsWith(Problem.MEDIA_TYPE), answer::toString);
        assertEquals(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS), answer.header("Retry-After").orElse(""),
                answer::toString);
        assertEquals(503, answer.json().getInt("status"));
        assertEquals("urn:meeting-portal:problem:" + DatabaseUnavailable.MESSAGE_KEY, answer.json().getString("type"));
    }

    /** Asks until the answer is 200, for at most {@link #BACK_WITHIN}; the pool opens new connections on demand. */
    private static HttpAnswer firstAnswerOf200(PortalClient client, String path) {
        Instant until = Instant.now().plus(BACK_WITHIN);
        HttpAnswer answer = client.get(path);
        while (answer.status() != 200 && Instant.now().isBefore(until)) {
            sleep(Duration.ofMillis(250));
            answer = client.get(path);
        }
        assertEquals(200, answer.status(), "answered again within " + BACK_WITHIN + ": " + answer);
        return answer;
    }

    /** A signed-in employee and a meeting of theirs that is open now. */
    private record Attendee(String username, PortalClient client, long meeting) {
    }

    private Attendee attendeeOfAMeetingNow(String prefix, String password) {
        String username = TestPortal.uniqueName(prefix);
        PortalClient admin = admin();
        PortalClient client = admin.createSignedInUser(username, "EMPLOYEE", password);
        return new Attendee(username, client, meetingNow(admin, username));
    }

    private static long meetingNow(PortalClient admin, String attendee) {
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        JsonObject body = Json.createObjectBuilder().add("title", "Outage " + attendee)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofHours(1)).toString())
                .add("timeZone", "Europe/Berlin").add("hosts", Json.createArrayBuilder().add("admin"))
                .add("attendees", Json.createArrayBuilder().add(attendee)).add("access", "INVITED")
                .add("attendeeRights", "FULL").build();
        HttpAnswer created = admin.post("api/meetings", body);
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    /** Through the maintenance database {@code postgres}, which stays open. */
    private static Connection maintenance() throws SQLException {
        return DriverManager.getConnection(POSTGRESQL + "postgres", USER, PASSWORD);
    }

    private static void acceptConnections(boolean accept) throws SQLException {
        try (Connection db = maintenance(); Statement sql = db.createStatement()) {
            sql.execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS " + accept);
        }
    }

    /** Ends every session on the portal's database, as a restart does; answers how many there were. */
    private static int endSessions() throws SQLException {
        try (Connection db = maintenance(); Statement sql = db.createStatement();
             ResultSet ended = sql.executeQuery("SELECT count(*) FROM (SELECT pg_terminate_backend(pid)"
                     + " FROM pg_stat_activity WHERE datname = '" + DATABASE + "') AS cut")) {
            ended.next();
            return ended.getInt(1);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
