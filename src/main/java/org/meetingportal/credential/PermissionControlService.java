package org.meetingportal.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.meetingportal.account.AdminOnly;
import org.meetingportal.platform.SecurityLog;

/** Reads and records admins' confirmations that TRTC's advanced permission control is on. */
@ApplicationScoped
@Transactional
public class PermissionControlService {

    @PersistenceContext
    EntityManager em;

    @Inject
    AdminOnly adminOnly;

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
        adminOnly.require();
        PermissionControlConfirmation confirmation = new PermissionControlConfirmation(actor, clock.instant());
        em.persist(confirmation);
        SecurityLog.event("trtc_permission_control_confirmed", "user", actor);
        return new PermissionControl(true, actor, confirmation.confirmedAt());
    }
}
