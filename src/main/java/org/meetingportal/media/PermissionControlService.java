package org.meetingportal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.meetingportal.account.AccountService;
import org.meetingportal.account.Role;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.SecurityLog;

/** Reads and records admins' confirmations that TRTC's advanced permission control is on. */
@ApplicationScoped
@Transactional
public class PermissionControlService {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public PermissionControl current() {
        return em.createNamedQuery(PermissionControlConfirmation.FIND_NEWEST, PermissionControlConfirmation.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(c -> new PermissionControl(true, c.confirmedBy(), c.confirmedAt()))
                .orElse(PermissionControl.UNCONFIRMED);
    }

    /** {@code actor} vouches that the switch is on; only an admin may, whoever calls this. */
    public PermissionControl confirm(String actor) {
        boolean admin = accounts.account(actor).filter(a -> a.enabled() && a.role() == Role.ADMIN).isPresent();
        if (!admin) {
            SecurityLog.event("authz_fail", "user", actor, "action", "confirm_permission_control");
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
        }
        PermissionControlConfirmation confirmation = new PermissionControlConfirmation(actor, clock.instant());
        em.persist(confirmation);
        SecurityLog.event("trtc_permission_control_confirmed", "user", actor);
        return new PermissionControl(true, actor, confirmation.confirmedAt());
    }
}
