package org.meetingportal.platform;

import java.util.List;

/**
 * An RFC 9457 problem document, the body of every API error. {@code detail} is a sentence for a person in
 * their language; {@code errors} names the fields that break a rule. Absent members are left out.
 */
public record Problem(String type, String title, int status, String detail, List<Error> errors,
        Long retryAfterSeconds) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that breaks a rule. */
    public record Error(String field, String detail) {
    }
}
