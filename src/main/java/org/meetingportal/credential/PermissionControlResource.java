package org.meetingportal.credential;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.meetingportal.account.Role;
import org.meetingportal.account.CurrentUser;

/**
 * {@code /api/trtc/permission-control}: whether an admin has confirmed that TRTC's advanced permission control
 * is on ({@code GET}), and such a confirmation ({@code POST}), for admins.
 */
@Path("trtc/permission-control")
@RequestScoped
@RolesAllowed(Role.Names.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PermissionControlResource {

    @Inject
    PermissionControlService permissionControl;

    @Inject
    CurrentUser currentUser;

    @GET
    public PermissionControl get() {
        return permissionControl.current();
    }

    @POST
    public PermissionControl confirm() {
        return permissionControl.confirm(currentUser.username());
    }
}
