package org.meetingportal.room;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.QueryParameters;

/** {@code GET /api/meetings/{id}/roster}: who is in the meeting's room now, for its people and for admins. */
@Path("meetings/{id}/roster")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource {

    @Inject
    RosterService roster;

    @Context
    HttpServletRequest request;

    @GET
    public List<RosterEntry> roster(@PathParam("id") String id) {
        return roster.roster(QueryParameters.id(id), CurrentUser.of(request).orElseThrow());
    }
}
