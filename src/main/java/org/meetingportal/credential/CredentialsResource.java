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
import java.util.function.Function;
import org.meetingportal.account.Account;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.QueryParameters;
import org.meetingportal.platform.SecurityLog;
import org.meetingportal.security.ClientAddress;
import org.meetingportal.account.CurrentUser;

/**
 * {@code POST /api/meetings/{id}/credentials}: a UserSig and a room-scoped PrivateMapKey for the signed-in
 * person. There is no body: the client chooses neither its userId nor its rights. Never cached.
 */
@Path("meetings/{id}/credentials")
@RequestScoped
public class CredentialsResource {

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
        return answer(request, address, "meeting " + id,
                person -> credentials.issue(QueryParameters.id(id), person, address));
    }

    /** The answer to any credential request: never cached; every refusal logged as a security event. */
    static Response answer(HttpServletRequest request, String address, String subject,
            Function<Account, Credential> issue) {
        Account person = CurrentUser.of(request).orElseThrow();
        try {
            return Response.ok(issue.apply(person)).header("Cache-Control", "no-store").header("Pragma", "no-cache")
                    .build();
        } catch (DomainException refused) {
            SecurityLog.event("authz_fail", "user", person.username(), "address", address,
                    "call", "credentials for " + subject,
                    "reason", refused.messageKey());
            throw refused;
        }
    }
}
