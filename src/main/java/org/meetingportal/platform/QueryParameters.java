package org.meetingportal.platform;

import java.util.List;

/**
 * Ids from paths and numbers from query strings, parsed by the resource rather than by JAX-RS, which would answer a bad one
 * with 404; here it is a 400 that names the parameter.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An id from a path; anything that is not a positive number names something that does not exist. */
    public static long id(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw DomainException.notFound();
    }

    public static int wholeNumber(String value, String name, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(List.of(new FieldProblem(name, "page.invalid", Slice.MAX_SIZE)));
        }
    }
}
