package org.meetingportal.chat;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.meetingportal.account.Account;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FieldProblem;
import org.meetingportal.platform.JsonFields;
import org.meetingportal.platform.ProblemResponses;
import org.meetingportal.platform.QueryParameters;
import org.meetingportal.room.RoomService;

/**
 * {@code /api/meetings/{id}/chat}: {@code GET} the messages so far; {@code POST {text}} writes to everyone in the
 * room; {@code GET transcript} as text; {@code DELETE} for admins; {@code PUT settings {closedToAttendees}} for
 * hosts.
 */
@Path("meetings/{id}/chat")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {

    /** A host's choice for the room's chat. */
    public record Settings(boolean closedToAttendees) {
    }

    @Inject
    ChatService chat;

    @Inject
    RoomService room;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @GET
    public ChatView messages(@PathParam("id") String id) {
        return chat.chat(QueryParameters.id(id), caller());
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response send(@PathParam("id") String id, String body) {
        JsonObject message = JsonFields.optionalObject(body);
        if (message == null || !(message.get("text") instanceof JsonString text)) {
            throw DomainException.invalid(List.of(new FieldProblem("text", "chat.text.required")));
        }
        ChatEntry sent = chat.send(QueryParameters.id(id), caller(), text.getString());
        return Response.status(Response.Status.CREATED).entity(sent).build();
    }

    @GET
    @Path("transcript")
    @Produces(MediaType.TEXT_PLAIN)
    public Response transcript(@PathParam("id") String id) {
        long meetingId = QueryParameters.id(id);
        String text = chat.transcript(meetingId, caller(), ProblemResponses.locale(headers));
        return Response.ok(text, MediaType.TEXT_PLAIN + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"meeting-" + meetingId + "-chat.txt\"").build();
    }

    @DELETE
    public Response delete(@PathParam("id") String id) {
        chat.delete(QueryParameters.id(id), caller());
        return Response.noContent().build();
    }

    @PUT
    @Path("settings")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Settings settings(@PathParam("id") String id, String body) {
        boolean closed = JsonFields.flag(JsonFields.optionalObject(body), "closedToAttendees", "chat.closedToAttendees.flag");
        return new Settings(room.closeChat(QueryParameters.id(id), closed, caller()));
    }

    private Account caller() {
        return CurrentUser.of(request).orElseThrow();
    }
}
