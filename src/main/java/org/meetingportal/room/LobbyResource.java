package org.meetingportal.room;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.meetingportal.account.Account;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.QueryParameters;

/**
 * A meeting's waiting room for its hosts: {@code GET /api/meetings/{id}/lobby}, and
 * {@code POST .../lobby/{userId}/admit}, {@code .../deny} and {@code .../lobby/admit-all}.
 */
@Path("meetings/{id}/lobby")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LobbyResource {

    /** What a decision answers: the person and where they now stand. */
    public record Decided(String userId, LobbyDecision decision) {
    }

    /** How many people "Admit all" let in. */
    public record AdmittedAll(int admitted) {
    }

    @Inject
    RoomService room;

    @Context
    HttpServletRequest request;

    @GET
    public List<Waiting> lobby(@PathParam("id") String id) {
        return room.lobby(QueryParameters.id(id), caller());
    }

    @POST
    @Path("{userId}/admit")
    public Decided admit(@PathParam("id") String id, @PathParam("userId") String userId) {
        return new Decided(userId, room.decide(QueryParameters.id(id), userId, LobbyDecision.ADMITTED, caller()));
    }

    @POST
    @Path("{userId}/deny")
    public Decided deny(@PathParam("id") String id, @PathParam("userId") String userId) {
        return new Decided(userId, room.decide(QueryParameters.id(id), userId, LobbyDecision.DENIED, caller()));
    }

    @POST
    @Path("admit-all")
    public AdmittedAll admitAll(@PathParam("id") String id) {
        return new AdmittedAll(room.admitAll(QueryParameters.id(id), caller()));
    }

    private Account caller() {
        return CurrentUser.of(request).orElseThrow();
    }
}
