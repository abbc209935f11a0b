package org.meetingportal.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

/**
 * The answer to a request that could not even be recognised because the database is away: the
 * authentication mechanism forwards here. A call of the API gets a 503 problem document, a page the
 * portal's "database unavailable" page; both say when to try again. Reached only by that forward.
 */
@WebServlet(name = "databaseUnavailable", urlPatterns = DatabaseUnavailableAnswer.PATH)
public class DatabaseUnavailableAnswer extends HttpServlet {

    public static final String PATH = "/error/database-unavailable";
    private static final String PAGE = "/error/unavailable.xhtml";
    /** Where the API is mapped ({@link RestApplication}). */
    private static final String API = "/api";
    private static final long serialVersionUID = 1L;
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        if (API.equals(request.getAttribute(RequestDispatcher.FORWARD_SERVLET_PATH))) {
            // Without Accept-Language the server would offer its own default locale, which the API never uses.
            Locale locale = request.getHeader("Accept-Language") == null ? Locale.ENGLISH
                    : Messages.preferred(Collections.list(request.getLocales()));
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setLocale(locale);
            response.getWriter().write(JSON.toJson(ProblemResponses.problem(DatabaseUnavailable.refusal(), locale)));
        } else {
            // As a fresh view: a form's own fields and view state would make Faces restore that other page.
            request.getRequestDispatcher(PAGE).forward(new PlainGet(request), response);
        }
    }

    /** The request as a GET without parameters. */
    private static final class PlainGet extends HttpServletRequestWrapper {

        PlainGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
