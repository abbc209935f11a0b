package org.meetingportal.platform;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database could not be reached at all (stopped, restarting, failing over,
 * refusing connections, or the pool unable to hand one out) rather than a fault in what was asked of it.
 * The first is nobody's mistake and passes: it is answered 503 with a time to try again, in the reader's
 * language. The second stays an unexpected failure with an incident number.
 */
public final class DatabaseUnavailable {

    /** About what a database restart or a failover takes. */
    public static final long RETRY_AFTER_SECONDS = 10;
    public static final String MESSAGE_KEY = "error.databaseUnavailable";
    /** Causes are followed this deep at most, in case a chain loops. */
    private static final int DEEPEST_CAUSE = 32;

    private DatabaseUnavailable() {
    }

    /**
     * True when a cause of {@code failure} says the database could not be reached: one of JDBC's connection
     * exceptions; an SQL state of class 08 (connection exception) or 57P (the server shutting down or
     * starting up), or 53300 (no connection slot left); or, where a pool could not open a connection (the
     * connector's {@link ResourceException}), 55000: a database closed to new connections. Anything else,
     * including a pool that ran dry, a wrong database password or a transaction that timed out, is a fault
     * for an operator to see, not a pause to wait out.
     */
    public static boolean isCauseOf(Throwable failure) {
        boolean connecting = false;
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            connecting |= cause instanceof ResourceException;
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                        || connecting && state.equals("55000")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when {@code failure} may be no more than a pooled connection cut under the pool (a database restart,
     * a failover, a connection killed): the database could not be reached, or the pool failed the connection it
     * had just handed out. Asking once more, on a fresh connection, is then worth it for a read.
     */
    public static boolean mayBeACutConnection(Throwable failure) {
        if (isCauseOf(failure)) {
            return true;
        }
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            if (cause instanceof ResourceException) {
                return true;
            }
        }
        return false;
    }

    /** The refusal to answer with: 503, try again in {@link #RETRY_AFTER_SECONDS}. */
    public static RetryLaterException refusal() {
        return new RetryLaterException(DomainException.Kind.UNAVAILABLE, RETRY_AFTER_SECONDS, MESSAGE_KEY);
    }
}
