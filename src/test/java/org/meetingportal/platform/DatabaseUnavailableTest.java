package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database cannot be reached", however deep the servers wrap them. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAreRecognisedUnderEveryWrapper() {
        // PostgreSQL stopped: the driver's "connection refused" is SQL state 08001.
        assertTrue(DatabaseUnavailable.isCauseOf(new PersistenceException("lookup failed",
                new IllegalStateException(new SQLException("Connection to 127.0.0.1:5432 refused", "08001")))));
        // A session cut by a restart: "terminating connection due to administrator command".
        assertTrue(DatabaseUnavailable.isCauseOf(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseUnavailable.isCauseOf(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseUnavailable.isCauseOf(new RuntimeException(new SQLTransientConnectionException("pool"))));
        assertTrue(DatabaseUnavailable.isCauseOf(new SQLNonTransientConnectionException("Database is already closed")));
        assertTrue(DatabaseUnavailable.isCauseOf(new SQLException("too many clients already", "53300")));
        // Both servers' pools, opening a connection to a database closed to new ones.
        assertTrue(DatabaseUnavailable.isCauseOf(new SQLException("IJ031084: Unable to create connection",
                new ResourceException("could not create connection",
                        new SQLException("database \"portal\" is not currently accepting connections", "55000")))));
    }

    @Test
    void poolAndConfigurationFaultsAreForAnOperatorToSee() {
        // A pool that ran dry (usually a connection leak) or a transaction that timed out: no driver failure beneath.
        assertFalse(DatabaseUnavailable.isCauseOf(new SQLException("IJ000453: Unable to get managed connection",
                new ResourceException("IJ000655: No managed connections available within configured blocking timeout"))));
        assertFalse(DatabaseUnavailable.isCauseOf(new SQLException(new ResourceException("IJ000460: Transaction is not active"))));
        // Reached, but refused for a wrong password or a missing database: configuration, not a pause.
        assertFalse(DatabaseUnavailable.isCauseOf(new ResourceException("could not create connection",
                new SQLException("password authentication failed", "28P01"))));
        assertFalse(DatabaseUnavailable.isCauseOf(new ResourceException("could not create connection",
                new SQLException("database \"portal\" does not exist", "3D000"))));
        // 55000 outside opening a connection is an ordinary error ("currval is not yet defined").
        assertFalse(DatabaseUnavailable.isCauseOf(new SQLException("currval is not yet defined", "55000")));
    }

    @Test
    void aConnectionThePoolFailedUnderARequestIsWorthASecondAsking() {
        // Payara's pool failing every connection at once, the one a request had just been handed among them.
        PersistenceException cut = new PersistenceException("could not prepare statement", new SQLException(
                "Error in allocating a connection", new ResourceException("This Managed Connection is not valid")));
        assertFalse(DatabaseUnavailable.isCauseOf(cut), "one such failure is not yet the database being away");
        assertTrue(DatabaseUnavailable.mayBeACutConnection(cut));
        assertTrue(DatabaseUnavailable.mayBeACutConnection(new SQLException("refused", "08001")));
        assertFalse(DatabaseUnavailable.mayBeACutConnection(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.mayBeACutConnection(new IllegalStateException("a bug")));
    }

    @Test
    void faultsInWhatWasAskedAreNotUnavailability() {
        assertFalse(DatabaseUnavailable.isCauseOf(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseUnavailable.isCauseOf(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseUnavailable.isCauseOf(new SQLException("no state")));
        assertFalse(DatabaseUnavailable.isCauseOf(new IllegalStateException("a bug")));
        assertFalse(DatabaseUnavailable.isCauseOf(null));
    }

    @Test
    void aLoopingCauseChainEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertFalse(DatabaseUnavailable.isCauseOf(first));
    }

    @Test
    void theRefusalIs503WithATimeToTryAgainInBothLanguages() {
        RetryLaterException refusal = DatabaseUnavailable.refusal();
        assertEquals(503, refusal.kind().status());
        assertEquals(DatabaseUnavailable.RETRY_AFTER_SECONDS, refusal.retryAfterSeconds());
        Problem english = ProblemResponses.problem(refusal, Locale.ENGLISH);
        Problem chinese = ProblemResponses.problem(refusal, Locale.CHINESE);
        assertEquals(503, english.status());
        assertEquals(DatabaseUnavailable.RETRY_AFTER_SECONDS, english.retryAfterSeconds());
        assertTrue(english.detail().startsWith("The portal cannot reach its database"), english.detail());
        assertTrue(chinese.detail().startsWith("门户暂时无法连接数据库"), chinese.detail());
    }
}
