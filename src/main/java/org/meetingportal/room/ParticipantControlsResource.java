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
import jakarta.ws.rs.core.Response;
import org.meetingportal.account.Account;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.JsonFields;
import org.meetingportal.platform.QueryParameters;

/**
 * What a host does to one person of a running meeting, under
 * {@code POST /api/meetings/{id}/participants/{userId}/}: {@code remove}; {@code mute} {@code {mayUnmute}},
 * {@code stop-video} and {@code stop-screen} {@code {mayRestart}} (both true when left out); {@code make-cohost}
 * and {@code revoke-cohost}; {@code lower-hand}. A root of its own beside the meetings resource, whose {@code {id}/participants}
 * lists the people.
 */
@Path("meetings/{id}/participants/{userId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantControlsResource {

    /** The answer of a stop: whether the person may start it again themselves. */
    public record Stopped(String userId, String medium, boolean mayResume) {
    }

    /** The answer of a co-host change. */
    public record CoHost(String userId, boolean coHost) {
    }

    @Inject
    RoomService room;

    @Context
    HttpServletRequest request;

    @POST
    @Path("remove")
    public Removal remove(@PathParam("id") String id, @PathParam("userId") String userId) {
        return room.remove(QueryParameters.id(id), userId, caller());
    }

    @POST
    @Path("mute")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Stopped mute(@PathParam("id") String id, @PathParam("userId") String userId, String body) {
        return stop(id, userId, Medium.AUDIO, JsonFields.flag(JsonFields.optionalObject(body), "mayUnmute", "room.mayUnmute.flag", true));
    }

    @POST
    @Path("stop-video")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Stopped stopVideo(@PathParam("id") String id, @PathParam("userId") String userId, String body) {
        return stop(id, userId, Medium.VIDEO, JsonFields.flag(JsonFields.optionalObject(body), "mayRestart", "room.mayRestart.flag", true));
    }

    @POST
    @Path("stop-screen")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Stopped stopScreen(@PathParam("id") String id, @PathParam("userId") String userId, String body) {
        return stop(id, userId, Medium.SCREEN, JsonFields.flag(JsonFields.optionalObject(body), "mayRestart", "room.mayRestart.flag", true));
    }

    @POST
    @Path("make-cohost")
    public CoHost makeCoHost(@PathParam("id") String id, @PathParam("userId") String userId) {
        return new CoHost(userId, room.coHost(QueryParameters.id(id), userId, true, caller()));
    }

    @POST
    @Path("revoke-cohost")
    public CoHost revokeCoHost(@PathParam("id") String id, @PathParam("userId") String userId) {
        return new CoHost(userId, room.coHost(QueryParameters.id(id), userId, false, caller()));
    }

    @POST
    @Path("lower-hand")
    public Response lowerHand(@PathParam("id") String id, @PathParam("userId") String userId) {
        room.lowerHand(QueryParameters.id(id), userId, caller());
        return Response.noContent().build();
    }

    private Stopped stop(String id, String userId, Medium medium, boolean mayResume) {
        room.stop(QueryParameters.id(id), userId, medium, mayResume, caller());
        return new Stopped(userId, medium.name(), mayResume);
    }

    private Account caller() {
        return CurrentUser.of(request).orElseThrow();
    }
}
