package org.meetingportal.platform;

/**
 * A refusal with the number of seconds after which asking again may succeed: for asking too often (429), or
 * while something the portal needs is away (503).
 */
public class RetryLaterException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RetryLaterException(long retryAfterSeconds, String messageKey, Object... args) {
        this(Kind.TOO_MANY, retryAfterSeconds, messageKey, args);
    }

    public RetryLaterException(Kind kind, long retryAfterSeconds, String messageKey, Object... args) {
        super(kind, messageKey, args);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
