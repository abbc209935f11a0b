package org.meetingportal.room;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.QueryParameters;

/**
 * {@code POST /api/meetings/{id}/end}: a host ends a running meeting for everyone. A root of its own, as
 * {@code meetings/{id}} would take every path below it away from the meetings resource.
 */
@Path("meetings/{id}/end")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EndForAllResource {

    /** The answer: the meeting has ended, at that moment. */
    public record Ended(long meetingId, String state, Instant endedAt) {
    }

    @Inject
    RoomService room;

    @Context
    HttpServletRequest request;

    @POST
    public Ended end(@PathParam("id") String id) {
        long meetingId = QueryParameters.id(id);
        return new Ended(meetingId, "ENDED", room.end(meetingId, CurrentUser.of(request).orElseThrow()));
    }
}
