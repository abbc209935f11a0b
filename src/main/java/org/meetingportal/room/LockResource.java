package org.meetingportal.room;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.JsonFields;
import org.meetingportal.platform.QueryParameters;

/** {@code PUT /api/meetings/{id}/lock} {@code {locked}}: a host locks a running meeting, or unlocks it. */
@Path("meetings/{id}/lock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LockResource {

    /** The answer. */
    public record Lock(boolean locked) {
    }

    @Inject
    RoomService room;

    @Context
    HttpServletRequest request;

    /** The body is read as JSON rather than bound, so that only a JSON true or false is taken. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Lock lock(@PathParam("id") String id, JsonObject body) {
        return new Lock(room.lock(QueryParameters.id(id), JsonFields.flag(body, "locked", "room.locked.required"),
                CurrentUser.of(request).orElseThrow()));
    }
}
