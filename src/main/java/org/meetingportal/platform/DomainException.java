package org.meetingportal.platform;

import java.util.List;

/**
 * A request the portal refuses for a reason the person can act on. It carries a message key rather than
 * text, so the API and the pages can each say it in the reader's language; {@link Kind} decides the HTTP
 * status. Unchecked, so a transactional service that throws it rolls back.
 */
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Kind {
        /** The input breaks a rule: 400. */
        INVALID(400),
        /** Not signed in: 401. */
        UNAUTHENTICATED(401),
        /** Signed in but not allowed: 403. */
        FORBIDDEN(403),
        /** Unknown, or not the caller's to see: 404. */
        NOT_FOUND(404),
        /** Clashes with what is stored, e.g. an edit based on a stale version: 409. */
        CONFLICT(409),
        /** Asked too often: 429. */
        TOO_MANY(429),
        /** A service the request needs is not available: 503. */
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] args;
    private final List<FieldProblem> fieldProblems;

    public DomainException(Kind kind, String messageKey, Object... args) {
        this(kind, List.of(), messageKey, args);
    }

    public DomainException(Kind kind, List<FieldProblem> fieldProblems, String messageKey, Object... args) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = args.clone();
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    /** Bad input, field by field. */
    public static DomainException invalid(List<FieldProblem> problems) {
        return new DomainException(Kind.INVALID, problems, "error.invalid");
    }

    public static DomainException notFound() {
        return new DomainException(Kind.NOT_FOUND, "error.notFound");
    }

    public static DomainException stale() {
        return new DomainException(Kind.CONFLICT, "error.stale");
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}
