package org.meetingportal.guest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.JsonFields;
import org.meetingportal.security.ClientAddress;
import org.meetingportal.security.GuestScope;
import org.meetingportal.security.Sessions;
import org.meetingportal.security.SignedInUser;

/**
 * {@code POST /api/guest-sessions {token, passcode, displayName}}: a guest comes in through a link. The answer
 * starts a guest session for the link's meeting alone; the meeting comes from the link, never from the guest.
 */
@Path("guest-sessions")
@RequestScoped
public class GuestSessionResource {

    @Inject
    GuestService guests;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Configuration configuration;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @POST
    @PermitAll
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response enter(String body) {
        if (Sessions.signedIn(request).filter(user -> !user.isGuest()).isPresent()) {
            // Someone signed in joins as themselves; turning them into a guest would sign them out unasked.
            throw new DomainException(DomainException.Kind.CONFLICT, "guest.signedIn");
        }
        JsonObject input = JsonFields.optionalObject(body);
        GuestService.Entered entered = guests.enter(text(input, "token"), text(input, "passcode"),
                text(input, "displayName"), clientAddress.of(request));
        SignedInUser session = Sessions.startGuest(request, entered.guest().username(), entered.pass(),
                clock.instant(), configuration.sessionIdleMinutes());
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store")
                .entity(new GuestSession(entered.pass().meetingId(), entered.guest().username(),
                        entered.guest().displayName(), request.getContextPath() + GuestScope.ROOM_PAGE,
                        session.csrfToken()))
                .build();
    }

    private static String text(JsonObject input, String name) {
        return input != null && input.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
