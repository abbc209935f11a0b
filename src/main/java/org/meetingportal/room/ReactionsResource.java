package org.meetingportal.room;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FieldProblem;
import org.meetingportal.platform.JsonFields;
import org.meetingportal.platform.QueryParameters;

/**
 * {@code POST /api/meetings/{id}/reactions {reaction}}: a reaction from someone in the room, one of
 * {@code thumbs-up}, {@code clap}, {@code laugh}, {@code surprised}, {@code heart}, {@code celebrate}.
 */
@Path("meetings/{id}/reactions")
@RequestScoped
public class ReactionsResource {

    @Inject
    Reactions reactions;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response react(@PathParam("id") String id, String body) {
        JsonObject input = JsonFields.optionalObject(body);
        Reaction reaction = (input != null && input.get("reaction") instanceof JsonString code
                ? Reaction.of(code.getString()) : Optional.<Reaction>empty())
                .orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("reaction", "room.reaction.unknown"))));
        reactions.react(QueryParameters.id(id), CurrentUser.of(request).orElseThrow(), reaction);
        return Response.noContent().build();
    }
}
