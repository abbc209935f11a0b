package org.meetingportal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FacesMessages;
import org.meetingportal.platform.SecurityLog;

/**
 * The admin role check of admin pages and services, besides the URL constraint on {@code /admin/*} and the
 * API's role check: a page moved out of {@code /admin}, a new path to a bean or a service called from a new
 * resource must still refuse everyone else. Refusals are 403 (the forbidden page, a problem document),
 * never an error page.
 */
@ApplicationScoped
public class AdminOnly {

    @Inject
    SecurityContext security;

    /** For services: throws a 403 refusal unless the caller is an admin. */
    public void require() {
        if (!security.isCallerInRole(Role.Names.ADMIN)) {
            Principal caller = security.getCallerPrincipal();
            SecurityLog.event("authz_fail", "user", caller == null ? null : caller.getName(), "call", "admin service",
                    "reason", "error.forbidden");
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
        }
    }

    /**
     * For Faces beans, first thing in a page's load or action: whether the caller is an admin; if not, the
     * request has been ended with the forbidden page and the bean must do nothing more.
     */
    public boolean page() {
        try {
            require();
            return true;
        } catch (DomainException refused) {
            FacesMessages.forbidden();
            return false;
        }
    }
}
