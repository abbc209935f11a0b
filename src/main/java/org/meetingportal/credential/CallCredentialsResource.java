package org.meetingportal.credential;

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
import org.meetingportal.platform.QueryParameters;
import org.meetingportal.security.ClientAddress;

/**
 * {@code POST /api/calls/{id}/credentials}: UserSig and PrivateMapKey for a one-to-one call's room, to its
 * two parties while it runs; the same checks, limits and audit as for meetings.
 */
@Path("calls/{id}/credentials")
@RequestScoped
public class CallCredentialsResource {

    @Inject
    ClientAddress clientAddress;

    @Inject
    CredentialService credentials;

    @Context
    HttpServletRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("id") String id) {
        String address = clientAddress.of(request);
        return CredentialsResource.answer(request, address, "call " + id,
                person -> credentials.issueForCall(QueryParameters.id(id), person, address));
    }
}
