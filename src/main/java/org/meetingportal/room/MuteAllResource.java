package org.meetingportal.room;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.JsonFields;
import org.meetingportal.platform.QueryParameters;

/**
 * {@code POST /api/meetings/{id}/mute-all} {@code {mayUnmute}}: a host mutes every attendee; with
 * {@code mayUnmute} false (true when left out) nobody but hosts and co-hosts may unmute until a host mutes all
 * again with it true.
 */
@Path("meetings/{id}/mute-all")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MuteAllResource {

    /** The answer. */
    public record MutedAll(long meetingId, boolean mayUnmute) {
    }

    @Inject
    RoomService room;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public MutedAll muteAll(@PathParam("id") String id, String body) {
        long meetingId = QueryParameters.id(id);
        boolean mayUnmute = JsonFields.flag(JsonFields.optionalObject(body), "mayUnmute", "room.mayUnmute.flag", true);
        room.muteAll(meetingId, mayUnmute, CurrentUser.of(request).orElseThrow());
        return new MutedAll(meetingId, mayUnmute);
    }
}
