package org.meetingportal.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.meetingportal.platform.Slice;
import org.meetingportal.platform.PublicUrl;
import org.meetingportal.platform.QueryParameters;

/** {@code /api/users}: accounts, for admins. */
@Path("users")
@RequestScoped
@RolesAllowed(Role.Names.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** Until when a person's password checks are paused somewhere, or null when nowhere. */
    public record SignInPause(Instant pausedUntil) {
    }

    /** A temporary password set by an admin. */
    public record PasswordReset(String password) {
    }

    @Inject
    AccountService accounts;

    @Inject
    SignInThrottleService throttle;

    @Context
    SecurityContext security;

    @Inject
    PublicUrl publicUrl;

    @GET
    public Slice<UserView> list(@QueryParam("q") String query, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return accounts.search(query, QueryParameters.wholeNumber(page, "page", 0), QueryParameters.wholeNumber(size, "size", 20));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewUser user) {
        UserView created = accounts.create(user, actor());
        return Response.created(URI.create(publicUrl.link("/api/users/" + created.username()))).entity(created).build();
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

    @GET
    @Path("{username}/throttle")
    public SignInPause throttle(@PathParam("username") String username) {
        String known = accounts.find(username).username();
        return new SignInPause(throttle.pausedUntil(List.of(known)).get(known));
    }

    /** Lifts every pause and count of failed password checks that concerns the person, from any address. */
    @DELETE
    @Path("{username}/throttle")
    public Response liftThrottle(@PathParam("username") String username) {
        throttle.lift(accounts.find(username).username(), actor());
        return Response.noContent().build();
    }

    private String actor() {
        return security.getUserPrincipal().getName();
    }
}
