package org.meetingportal.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.meetingportal.platform.Page;
import org.meetingportal.platform.QueryParameters;

/** {@code /api/users}: accounts, for admins. */
@Path("users")
@RequestScoped
@RolesAllowed(Role.Names.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** A temporary password set by an admin. */
    public record PasswordReset(String password) {
    }

    @Inject
    AccountService accounts;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    public Page<UserView> list(@QueryParam("q") String query, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return accounts.search(query, QueryParameters.wholeNumber(page, "page", 0), QueryParameters.wholeNumber(size, "size", 20));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewUser user) {
        UserView created = accounts.create(user, actor());
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build()).entity(created).build();
    }

    @GET
    @Path("{username}")
    public UserView get(@PathParam("username") String username) {
        return accounts.find(username);
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView update(@PathParam("username") String username, UserChanges changes) {
        return accounts.update(username, changes, actor());
    }

    @POST
    @Path("{username}/disable")
    public UserView disable(@PathParam("username") String username) {
        return accounts.disable(username, actor());
    }

    @POST
    @Path("{username}/enable")
    public UserView enable(@PathParam("username") String username) {
        return accounts.enable(username, actor());
    }

    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView resetPassword(@PathParam("username") String username, PasswordReset reset) {
        return accounts.resetPassword(username, reset == null ? null : reset.password(), actor());
    }

    private String actor() {
        return security.getUserPrincipal().getName();
    }
}
