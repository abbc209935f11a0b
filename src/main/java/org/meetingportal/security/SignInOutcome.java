package org.meetingportal.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;

/**
 * How a sign-in attempt ended, passed from the authentication mechanism to the page or API call that asked
 * for it through a request attribute.
 */
public record SignInOutcome(Result result, Duration retryAfter) {

    /** The answers a sign-in can get. */
    public enum Result {
        SIGNED_IN,
        /** Unknown user, wrong password or disabled account: deliberately indistinguishable. */
        REFUSED,
        /** Too many failures for this account or address. */
        LOCKED,
        /** The database could not be reached, so the password could not be checked. */
        UNAVAILABLE,
        /** A right password of an account the settings send to the company's provider instead. */
        PROVIDER_ONLY
    }

    private static final String ATTRIBUTE = SignInOutcome.class.getName();

    static void record(HttpServletRequest request, SignInOutcome outcome) {
        request.setAttribute(ATTRIBUTE, outcome);
    }

    public static SignInOutcome of(HttpServletRequest request) {
        Object outcome = request.getAttribute(ATTRIBUTE);
        return outcome instanceof SignInOutcome o ? o : new SignInOutcome(Result.REFUSED, null);
    }

    /** Whole seconds until another attempt may succeed, rounded up. */
    public long retryAfterSeconds() {
        return retryAfter == null ? 0 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
