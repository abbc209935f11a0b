package org.meetingportal.call;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.meetingportal.account.CurrentUser;

/**
 * {@code GET /api/calls}: the caller's recent calls, missed ones marked; {@code GET /api/calls/people?q=}:
 * colleagues to call, with presence. Calls themselves are placed over the {@code /ws/calls} socket.
 */
@Path("calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

    static final int RECENT = 30;

    @Inject
    CallService calls;

    @Inject
    CallDirectory directory;

    @Context
    HttpServletRequest request;

    @GET
    public List<CallView> recent() {
        return calls.recent(username(), RECENT);
    }

    @GET
    @Path("people")
    public List<Colleague> people(@QueryParam("q") String query) {
        return directory.find(username(), query);
    }

    private String username() {
        return CurrentUser.of(request).orElseThrow().username();
    }
}
