package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/**
 * Which database this run of the integration tests really uses, and that the migrations bring the previous
 * version's schema, with its data, up to the current one on that kind of database.
 */
class DatabaseIT extends PortalIT {

    private static final String DATABASE = TestPortal.onPostgresql() ? "postgresql" : "h2";
    private static final String POSTGRESQL = TestPortal.onPostgresql() ? TestPortal.postgresqlServer() : null;
    private static final String POSTGRESQL_DATABASE = TestPortal.onPostgresql() ? TestPortal.postgresqlDatabase() : null;
    /** A database of its own per run, as two runs (WildFly, Payara) share the PostgreSQL server. */
    private static final String UPGRADE = POSTGRESQL_DATABASE + "_upgrade";
    private static final String USER = "portal";
    private static final String PASSWORD = "portal-test-database";

    /**
     * A row the server writes now, through its API, is found in this run's database: so the server's own
     * datasource (WildFly's PortalDS or Payara's jdbc/PortalDS) points there, whatever the server.
     */
    @Test
    void theServerWritesIntoTheDatabaseThisRunIsFor() throws Exception {
        String username = TestPortal.uniqueName("db");
        assertEquals(201, admin().post("api/users", Json.createObjectBuilder().add("username", username)
                .add("displayName", "Database " + username).add("email", username + "@example.com")
                .add("password", "initial-pass-phrase").add("role", "EMPLOYEE").build()).status());
        if ("postgresql".equals(DATABASE)) {
            try (Connection db = DriverManager.getConnection(POSTGRESQL + POSTGRESQL_DATABASE, USER, PASSWORD);
                 Statement sql = db.createStatement()) {
                assertEquals(1, count(sql, "SELECT count(*) FROM portal_user WHERE username = '" + username + "'"),
                        "the user just created is in PostgreSQL");
                assertEquals(1, count(sql, "SELECT count(*) FROM portal_user WHERE username = 'admin'"));
                assertEquals(16, count(sql, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history"));
            }
        } else {
            // The server holds the H2 file open (and locked); that it is there and written is what can be seen.
            Path file = TestPortal.dataDir().resolve("portal.mv.db");
            assertTrue(Files.size(file) > 0, () -> "no H2 database at " + file);
        }
    }

    private static String grant(String meetingId) {
        return "INSERT INTO credential_grant (username, meeting_id, role, privileges, issued_at, expires_at,"
                + " user_sig_expires_at, client_address) VALUES ('x', " + meetingId + ", 'HOST', 255,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '127.0.0.1')";
    }

    /** On the database of this run (a fresh PostgreSQL database, or a fresh H2 file). */
    @Test
    void migrationsTakeThePreviousVersionsSchemaAndDataToTheCurrentOne() throws SQLException {
        String url;
        String user;
        String password;
        if ("postgresql".equals(DATABASE)) {
            try (Connection admin = DriverManager.getConnection(POSTGRESQL + POSTGRESQL_DATABASE, USER, PASSWORD);
                 Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + UPGRADE);
                sql.execute("CREATE DATABASE " + UPGRADE);
            }
            url = POSTGRESQL + UPGRADE;
            user = USER;
            password = PASSWORD;
        } else {
            url = "jdbc:h2:file:" + TestPortal.buildDir().resolve("upgrade-" + UUID.randomUUID()).resolve("portal");
            user = "sa";
            password = "sa";
        }
        Flyway previous = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .target("3").load();
        assertEquals(3, previous.migrate().migrationsExecuted);
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO room_number (room_id, allocated_at) VALUES (77, CURRENT_TIMESTAMP)");
            sql.execute("INSERT INTO meeting (title, description, starts_at, ends_at, time_zone, room_id, access,"
                    + " attendee_rights, mute_on_entry, status, created_by, created_at, sequence_number, version)"
                    + " VALUES ('Before the upgrade', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1' HOUR, 'UTC',"
                    + " 77, 'INVITED', 'FULL', false, 'SCHEDULED', 'admin', CURRENT_TIMESTAMP, 0, 0)");
            sql.execute(grant("(SELECT id FROM meeting WHERE room_id = 77)"));
            sql.execute("INSERT INTO portal_user (username, display_name, email, password_hash, role, enabled,"
                    + " must_change_password, session_generation, created_at, version) VALUES ('local', 'Local',"
                    + " 'local@example.com', 'pbkdf2-sha256:600000:c2FsdA:aGFzaA', 'EMPLOYEE', true, false, 0,"
                    + " CURRENT_TIMESTAMP, 0)");
            sql.execute("INSERT INTO sign_in_throttle (throttle_key, window_started_at, failures, locked_until, version)"
                    + " VALUES ('account:admin', CURRENT_TIMESTAMP, 5, CURRENT_TIMESTAMP + INTERVAL '15' MINUTE, 0)");
        }

        Flyway current = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load();
        assertEquals(13, current.migrate().migrationsExecuted, "V4 to V16 on top of V3");
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            long before = count(sql, "SELECT max(id) FROM credential_grant");
            sql.execute(grant("(SELECT id FROM meeting WHERE room_id = 77)"));
            assertTrue(count(sql, "SELECT max(id) FROM credential_grant") > before,
                    "the grants' ids go on after the ones before the upgrade");
            assertEquals(1, count(sql, "SELECT count(*) FROM meeting WHERE title = 'Before the upgrade'"));
            assertEquals(0, count(sql, "SELECT count(*) FROM phone_call"));
            // An old lock ends with the upgrade: counters last minutes, and the old kind locked out owners.
            assertEquals(0, count(sql, "SELECT count(*) FROM sign_in_throttle"));
            assertEquals(0, count(sql, "SELECT count(*) FROM sign_in_device"));
            // The audit's indexes are in its pages' order (V6), and the ones they replace are gone.
            String indexes = url.startsWith("jdbc:h2:")
                    ? "SELECT count(*) FROM information_schema.indexes WHERE LOWER(index_name) = "
                    : "SELECT count(*) FROM pg_indexes WHERE indexname = ";
            for (String name : List.of("ix_grant_newest", "ix_grant_user_newest", "ix_grant_meeting_newest")) {
                assertEquals(1, count(sql, indexes + "'" + name + "'"), name);
            }
            for (String name : List.of("ix_grant_time", "ix_grant_user_time", "ix_grant_meeting_time")) {
                assertEquals(0, count(sql, indexes + "'" + name + "'"), name);
            }
            // An account from before is local: a password and no link to a provider (V10). A provider's account
            // has the link and no password; one with neither, or a second with the same link, cannot be.
            assertEquals(1, count(sql, "SELECT count(*) FROM portal_user WHERE username = 'local'"
                    + " AND password_hash IS NOT NULL AND provider_issuer IS NULL AND provider_subject IS NULL"));
            String account = "INSERT INTO portal_user (username, display_name, email, password_hash, role, enabled,"
                    + " must_change_password, session_generation, created_at, version, provider_issuer, provider_subject)"
                    + " VALUES ('%s', 'X', '', %s, 'EMPLOYEE', true, false, 0, CURRENT_TIMESTAMP, 0, %s, %s)";
            sql.execute(account.formatted("linked", "NULL", "'https://idp.example.com'", "'sub-1'"));
            assertThrows(SQLException.class, () -> sql.execute(account.formatted("neither", "NULL", "NULL", "NULL")));
            assertThrows(SQLException.class, () -> sql.execute(account.formatted("both", "'pbkdf2'",
                    "'https://idp.example.com'", "'sub-2'")));
            assertThrows(SQLException.class, () -> sql.execute(account.formatted("twice", "NULL",
                    "'https://idp.example.com'", "'sub-1'")));
            // A meeting from before lets everyone in as it did (V11); an ended one has the moment it ended, and a
            // person is in a meeting's waiting room once.
            assertEquals(1, count(sql, "SELECT count(*) FROM meeting WHERE room_id = 77 AND waiting_room = 'NONE'"
                    + " AND host_first = false AND locked = false AND ended_at IS NULL AND host_entered_at IS NULL"
                    + " AND attendees_muted = false"));
            assertThrows(SQLException.class, () -> sql.execute("UPDATE meeting SET status = 'ENDED' WHERE room_id = 77"));
            sql.execute("UPDATE meeting SET status = 'ENDED', ended_at = CURRENT_TIMESTAMP WHERE room_id = 77");
            String waiting = "INSERT INTO lobby_entry (meeting_id, username, since, decision)"
                    + " VALUES ((SELECT id FROM meeting WHERE room_id = 77), 'local', CURRENT_TIMESTAMP, '%s')";
            sql.execute(waiting.formatted("WAITING"));
            // Nothing is withheld from an entry, and nobody is a co-host, until a host says so (V12).
            assertEquals(1, count(sql, "SELECT count(*) FROM lobby_entry WHERE username = 'local' AND audio_withheld = false"
                    + " AND video_withheld = false AND screen_withheld = false AND co_host = false"));
            assertThrows(SQLException.class, () -> sql.execute(waiting.formatted("WAITING")));
            assertThrows(SQLException.class, () -> sql.execute(waiting.replace("'local'", "'other'").formatted("MAYBE")));
            sql.execute(waiting.replace("'local'", "'gone'").formatted("REMOVED"));
            // A call to Tencent Cloud names a person exactly when it removes one.
            String cloudCall = "INSERT INTO cloud_call (meeting_id, action, sdk_app_id, room_id, user_id, requested_at,"
                    + " next_at) VALUES ((SELECT id FROM meeting WHERE room_id = 77), '%s', 1400000042, 77, %s,"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
            sql.execute(cloudCall.formatted("REMOVE_USER", "'gone'"));
            sql.execute(cloudCall.formatted("DISMISS_ROOM", "NULL"));
            assertThrows(SQLException.class, () -> sql.execute(cloudCall.formatted("REMOVE_USER", "NULL")));
            assertThrows(SQLException.class, () -> sql.execute(cloudCall.formatted("DISMISS_ROOM", "'gone'")));
            assertThrows(SQLException.class, () -> sql.execute(cloudCall.formatted("MUTE", "'gone'")));
            // A meeting's chat is open to attendees until a host closes it (V13); a message of 2,000 characters
            // that take two UTF-16 units each fits.
            assertEquals(1, count(sql, "SELECT count(*) FROM meeting WHERE room_id = 77 AND chat_closed = false"));
            sql.execute("INSERT INTO chat_message (meeting_id, sender, sender_name, sent_at, body) VALUES ((SELECT id"
                    + " FROM meeting WHERE room_id = 77), 'local', 'Local', CURRENT_TIMESTAMP, '"
                    + "\uD83D\uDE00".repeat(2000) + "')");
            // A guest comes through a link of their meeting (V14); a link's token is unique.
            sql.execute("INSERT INTO guest_link (meeting_id, token_hash, passcode_hash, created_by, created_at,"
                    + " expires_at) VALUES ((SELECT id FROM meeting WHERE room_id = 77), 'aa', 'h', 'local',"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            assertThrows(SQLException.class, () -> sql.execute("INSERT INTO guest_link (meeting_id, token_hash,"
                    + " passcode_hash, created_by, created_at, expires_at) VALUES ((SELECT id FROM meeting WHERE"
                    + " room_id = 77), 'aa', 'h', 'local', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
            sql.execute("INSERT INTO guest (user_id, meeting_id, link_id, display_name, address, came_at) VALUES"
                    + " ('guest_abc', (SELECT id FROM meeting WHERE room_id = 77), (SELECT id FROM guest_link WHERE"
                    + " token_hash = 'aa'), 'Visitor', '192.0.2.1', CURRENT_TIMESTAMP)");
            assertThrows(SQLException.class, () -> sql.execute("INSERT INTO guest (user_id, meeting_id, link_id,"
                    + " display_name, address, came_at) VALUES ('guest_def', (SELECT id FROM meeting WHERE room_id = 77),"
                    + " -1, 'Visitor', '192.0.2.1', CURRENT_TIMESTAMP)"));
            // A meeting is an occurrence of no series until it is one (V15); the occurrences of a series share
            // its room, and a series has one meeting for each start its rule gives.
            assertEquals(1, count(sql, "SELECT count(*) FROM meeting WHERE room_id = 77 AND series_id IS NULL"
                    + " AND detached = false"));
            sql.execute("INSERT INTO meeting_series (recurrence_rule, time_zone, first_starts_at, last_ends_at,"
                    + " length_seconds, room_id, title, description, access, attendee_rights, mute_on_entry,"
                    + " waiting_room, host_first, cancelled, created_by, created_at, sequence_number, version) VALUES"
                    + " ('FREQ=DAILY;COUNT=2', 'UTC', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 3600, 77, 'Daily', '',"
                    + " 'INVITED', 'FULL', false, 'NONE', false, false, 'local', CURRENT_TIMESTAMP, 0, 0)");
            String occurrence = "INSERT INTO meeting (title, description, starts_at, ends_at, time_zone, room_id, access,"
                    + " attendee_rights, mute_on_entry, status, created_by, created_at, sequence_number, version,"
                    + " series_id, occurrence_at) VALUES ('Daily', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL"
                    + " '1' HOUR, 'UTC', 77, 'INVITED', 'FULL', false, 'SCHEDULED', 'local', CURRENT_TIMESTAMP, 0, 0,"
                    + " (SELECT max(id) FROM meeting_series), TIMESTAMP WITH TIME ZONE '2030-01-01 09:00:00+00:00')";
            sql.execute(occurrence);
            assertEquals(2, count(sql, "SELECT count(*) FROM meeting WHERE room_id = 77"));
            assertThrows(SQLException.class, () -> sql.execute(occurrence));
            // The audit now takes a call instead of a meeting, but never neither.
            assertThrows(SQLException.class, () -> sql.execute("INSERT INTO credential_grant (username, role,"
                    + " privileges, issued_at, expires_at, user_sig_expires_at, client_address)"
                    + " VALUES ('x', 'HOST', 255, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '127.0.0.1')"));
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }
}
