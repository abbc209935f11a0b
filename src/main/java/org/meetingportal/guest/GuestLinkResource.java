package org.meetingportal.guest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.PublicUrl;
import org.meetingportal.platform.QueryParameters;

/**
 * {@code POST /api/meetings/{id}/guest-link}: a host's new guest link, {@code {url, passcode, expiresAt}}. The
 * meeting's older link stops working.
 */
@Path("meetings/{id}/guest-link")
@RequestScoped
public class GuestLinkResource {

    @Inject
    GuestService guests;

    @Inject
    PublicUrl publicUrl;

    @Context
    HttpServletRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response make(@PathParam("id") String id) {
        GuestInvitation invitation = guests.invite(QueryParameters.id(id), CurrentUser.of(request).orElseThrow(),
                publicUrl.getBase());
        return Response.status(Response.Status.CREATED).entity(invitation).header("Cache-Control", "no-store").build();
    }
}
