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
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.QueryParameters;

/**
 * What a host does to one person of a running meeting: {@code POST /api/meetings/{id}/participants/{userId}/remove}.
 * A root of its own beside the meetings resource, whose {@code {id}/participants} lists the people.
 */
@Path("meetings/{id}/participants/{userId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantControlsResource {

    @Inject
    RoomService room;

    @Context
    HttpServletRequest request;

    @POST
    @Path("remove")
    public Removal remove(@PathParam("id") String id, @PathParam("userId") String userId) {
        return room.remove(QueryParameters.id(id), userId, CurrentUser.of(request).orElseThrow());
    }
}
