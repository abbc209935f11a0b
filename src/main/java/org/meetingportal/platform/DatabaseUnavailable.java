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
     * True when a cause of {@code failure} is a connection failure: the JDBC connection exceptions, SQL
     * states of class 08 (connection exception) and 57P (the server shutting down or starting up), or the
     * connector's {@link ResourceException}, which both servers' pools wrap around a connection they could
     * not open or find.
     */
    public static boolean isCauseOf(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ResourceException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The refusal to answer with: 503, try again in {@link #RETRY_AFTER_SECONDS}. */
    public static RetryLaterException refusal() {
        return new RetryLaterException(DomainException.Kind.UNAVAILABLE, RETRY_AFTER_SECONDS, MESSAGE_KEY);
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }
}
