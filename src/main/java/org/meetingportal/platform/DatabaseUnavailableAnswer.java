package org.meetingportal.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;

/**
 * The answer to a request that could not even be recognised because the database is away: the
 * authentication mechanism forwards here. A call of the API gets a 503 problem document, a page the
 * portal's "database unavailable" page; both say when to try again. Reached only by that forward.
 */
@WebServlet(name = "databaseUnavailable", urlPatterns = DatabaseUnavailableAnswer.PATH)
public class DatabaseUnavailableAnswer extends HttpServlet {

    public static final String PATH = "/error/database-unavailable";
    private static final String PAGE = "/error/unavailable.xhtml";
    private static final long serialVersionUID = 1L;
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Object original = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        if (!(original instanceof String uri)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            Locale locale = Messages.preferred(Collections.list(request.getLocales()));
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setLocale(locale);
            response.getWriter().write(JSON.toJson(ProblemResponses.problem(DatabaseUnavailable.refusal(), locale)));
        } else {
            request.getRequestDispatcher(PAGE).forward(request, response);
        }
    }
}
