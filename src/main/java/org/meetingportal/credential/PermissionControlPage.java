package org.meetingportal.credential;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.meetingportal.account.AdminOnly;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FacesMessages;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.Redirects;

/** The standing warning on the admin pages until an admin confirms TRTC's advanced permission control. */
@Named
@RequestScoped
public class PermissionControlPage {

    @Inject
    PermissionControlService permissionControl;

    @Inject
    CurrentUser currentUser;

    @Inject
    AdminOnly adminOnly;

    private PermissionControl current;

    public PermissionControl getCurrent() {
        if (current == null) {
            current = permissionControl.current();
        }
        return current;
    }

    /** Whether this page shows the warning: admin pages, for admins, until someone confirms. */
    public boolean isWarning() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return currentUser.isAdmin() && external.getRequestServletPath().startsWith("/admin/")
                && !getCurrent().confirmed();
    }

    public void confirm() throws IOException {
        if (!adminOnly.page()) {
            return;
        }
        try {
            current = permissionControl.confirm(currentUser.username());
            FacesMessages.flashInfo("admin.permissionControl.confirmed");
            Redirects.to(FacesContext.getCurrentInstance().getExternalContext().getRequestServletPath());
        } catch (DomainException e) {
            FacesMessages.show(e, java.util.Map.of());
        }
    }
}
