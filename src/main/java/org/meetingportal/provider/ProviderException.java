package org.meetingportal.provider;

/**
 * A sign-in through the provider that did not succeed, with why, for the person's page and the security log.
 * The message says what happened in terms an operator can act on; it never holds a token or the secret.
 */
public class ProviderException extends Exception {

    /** What went wrong, as the sign-in page explains it. */
    public enum Reason {
        /** The provider cannot be reached or answered nonsense: try again later. */
        UNAVAILABLE,
        /** The person cancelled at the provider, or the provider refused them. */
        REFUSED,
        /** The answer does not belong to a sign-in this browser started (state), or it expired: start again. */
        STALE,
        /** The answer or its ID token failed a check (signature, issuer, audience, nonce, expiry). */
        INVALID
    }

    private final Reason reason;

    public ProviderException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ProviderException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
