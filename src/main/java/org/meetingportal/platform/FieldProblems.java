package org.meetingportal.platform;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with an input, so that a form or an API call can show every problem at once. */
public final class FieldProblems {

    private final List<FieldProblem> problems = new ArrayList<>();

    public FieldProblems add(String field, String messageKey, Object... args) {
        problems.add(new FieldProblem(field, messageKey, args));
        return this;
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /** How many problems are collected so far. */
    public int size() {
        return problems.size();
    }

    /** Throws the collected problems as one {@link DomainException}, if there are any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }
}
