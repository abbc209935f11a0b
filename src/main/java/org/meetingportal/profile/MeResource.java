package org.meetingportal.profile;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.meetingportal.account.Account;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.account.AccountService;
import org.meetingportal.platform.FieldProblems;
import org.meetingportal.security.AllowedBeforePasswordChange;
import org.meetingportal.security.PasswordAttempts;
import org.meetingportal.security.Sessions;
import org.meetingportal.security.Me;

/** {@code GET /api/me}: who is signed in and the CSRF token; {@code POST /api/me/password} changes the password. */
@Path("me")
@RequestScoped
@AllowedBeforePasswordChange
public class MeResource {

    /** A person's own settings; a {@code timeZone} of null means "my browser's". */
    public record Preferences(String timeZone) {
    }

    /** A person's own password change. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @Inject
    AccountService accounts;

    @Inject
    PasswordAttempts passwordAttempts;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return Response.ok(Me.of(request)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response changePassword(PasswordChange change) {
        if (change == null) {
            new FieldProblems().add("currentPassword", "account.password.currentWrong").throwIfAny();
        }
        Account account = passwordAttempts.changeOwnPassword(request, CurrentUser.of(request).orElseThrow().username(),
                change.currentPassword(), change.newPassword());
        Sessions.adopt(request, account);
        CurrentUser.attach(request, account);
        return Response.ok(Me.of(request)).header("Cache-Control", "no-store").build();
    }

    @PUT
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response setPreferences(Preferences preferences) {
        String zone = preferences == null ? null : preferences.timeZone();
        Account account = accounts.preferTimeZone(CurrentUser.of(request).orElseThrow().username(), chosenZone(zone));
        CurrentUser.attach(request, account);
        return Response.ok(Me.of(request)).header("Cache-Control", "no-store").build();
    }

    /** A region zone id, or empty for blank; anything else is a field error. */
    static Optional<ZoneId> chosenZone(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Optional<ZoneId> zone = CurrentUser.parseZone(id.strip()).filter(z -> !(z instanceof ZoneOffset));
        if (zone.isEmpty()) {
            new FieldProblems().add("timeZone", "meeting.timeZone.invalid").throwIfAny();
        }
        return zone;
    }
}
