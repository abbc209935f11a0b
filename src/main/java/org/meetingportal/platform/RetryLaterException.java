package org.meetingportal.platform;

/** A refusal for asking too often, with the number of seconds after which asking again may succeed. */
public class RetryLaterException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RetryLaterException(long retryAfterSeconds, String messageKey, Object... args) {
        super(Kind.TOO_MANY, messageKey, args);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
