package org.meetingportal.platform;

import java.util.List;

/**
 * Numbers from query strings, parsed by the resource rather than by JAX-RS, which would answer a bad one
 * with 404; here it is a 400 that names the parameter.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static int wholeNumber(String value, String name, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(List.of(new FieldProblem(name, "page.invalid", Page.MAX_SIZE)));
        }
    }
}
