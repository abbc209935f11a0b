package org.meetingportal.platform;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/** Builds problem responses in the caller's language, for the exception mappers and the filters. */
public final class ProblemResponses {

    private static final String TYPE_PREFIX = "urn:meeting-portal:problem:";

    private ProblemResponses() {
    }

    public static Locale locale(HttpHeaders headers) {
        return headers == null ? Locale.ENGLISH : Messages.preferred(headers.getAcceptableLanguages());
    }

    /** A problem for an HTTP status whose detail is the portal's own sentence for that status. */
    public static Response status(int status, Locale locale) {
        return of(problem(status, "about:blank", Messages.text(locale, "error.http." + status), List.of(), locale, null),
                locale);
    }

    /** A problem with a specific detail message key. */
    public static Response message(int status, Locale locale, String messageKey, Object... args) {
        return of(problem(status, TYPE_PREFIX + messageKey, Messages.text(locale, messageKey, args), List.of(), locale,
                null), locale);
    }

    public static Response of(DomainException e, Locale locale) {
        return of(problem(e, locale), locale);
    }

    /** The problem document for a refusal, for the few answers written outside JAX-RS. */
    public static Problem problem(DomainException e, Locale locale) {
        List<Problem.Error> errors = e.fieldProblems().stream()
                .map(p -> new Problem.Error(p.field(), Messages.text(locale, p.messageKey(), p.args())))
                .toList();
        Long retryAfter = e instanceof RetryLaterException later ? later.retryAfterSeconds() : null;
        return problem(e.kind().status(), TYPE_PREFIX + e.messageKey(), Messages.text(locale, e.messageKey(), e.args()),
                errors, locale, retryAfter);
    }

    private static Problem problem(int status, String type, String detail, List<Problem.Error> errors, Locale locale,
            Long retryAfterSeconds) {
        return new Problem(type, title(status, locale), status, detail, errors.isEmpty() ? null : errors,
                retryAfterSeconds);
    }

    private static Response of(Problem problem, Locale locale) {
        int status = problem.status();
        Long retryAfterSeconds = problem.retryAfterSeconds();
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .language(locale)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(problem);
        if (retryAfterSeconds != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        return builder.build();
    }

    private static String title(int status, Locale locale) {
        String key = "error.title." + status;
        String title = Messages.text(locale, key);
        if (!title.equals(key)) {
            return title;
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
