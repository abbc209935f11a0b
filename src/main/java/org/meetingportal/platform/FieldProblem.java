package org.meetingportal.platform;

/**
 * One input field that breaks a rule: the field's name as the API and the form know it, and the key of the
 * message that explains the rule.
 */
public record FieldProblem(String field, String messageKey, Object... args) {

    public FieldProblem {
        args = args.clone();
    }
}
