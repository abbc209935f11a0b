package org.meetingportal.platform;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure of an API call into a problem document. What reaches the client is a sentence from
 * the bundle, never an exception's own message, class name, stack trace or SQL.
 */
public final class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    private ExceptionMappers() {
    }

    /** Refusals the portal decided on. */
    @Provider
    public static class Domain implements ExceptionMapper<DomainException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(DomainException e) {
            return ProblemResponses.of(e, ProblemResponses.locale(headers));
        }
    }

    /** Refusals by JAX-RS itself: unknown path, wrong method, unsupported media type and the like. */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(WebApplicationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
                return unreadableBody(headers);
            }
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return unexpected(e, headers);
            }
            Response problem = ProblemResponses.status(status, ProblemResponses.locale(headers));
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            return allow == null ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
        }
    }

    /** A body that is not JSON, or JSON of the wrong shape or types, or unknown fields. */
    @Provider
    public static class Json implements ExceptionMapper<JsonbException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(JsonbException e) {
            return unreadableBody(headers);
        }
    }

    /** Failures while reading the request, which providers wrap in ProcessingException. */
    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BodyTooLargeException) {
                    return ProblemResponses.status(413, ProblemResponses.locale(headers));
                }
            }
            return unreadableBody(headers);
        }
    }

    /** Two writers changed the same record: the later one must read it again. */
    @Provider
    public static class Stale implements ExceptionMapper<OptimisticLockException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(OptimisticLockException e) {
            return ProblemResponses.of(DomainException.stale(), ProblemResponses.locale(headers));
        }
    }

    /**
     * Everything else is the portal's fault: log it with an id the client can quote, say nothing more. Except
     * a database that cannot be reached, which is nobody's fault and passes: 503, try again shortly.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DomainException domain) {
                    return ProblemResponses.of(domain, ProblemResponses.locale(headers));
                }
                if (t instanceof OptimisticLockException) {
                    return ProblemResponses.of(DomainException.stale(), ProblemResponses.locale(headers));
                }
            }
            if (DatabaseUnavailable.isCauseOf(e)) {
                LOG.warning(() -> "The database cannot be reached; an API call is answered 503: " + e);
                return ProblemResponses.of(DatabaseUnavailable.refusal(), ProblemResponses.locale(headers));
            }
            return unexpected(e, headers);
        }
    }

    static Response unreadableBody(HttpHeaders headers) {
        return ProblemResponses.message(400, ProblemResponses.locale(headers), "error.unreadableBody");
    }

    static Response unexpected(Throwable e, HttpHeaders headers) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure of an API call, incident " + incident, e);
        return ProblemResponses.message(500, ProblemResponses.locale(headers), "error.unexpected", incident);
    }
}
