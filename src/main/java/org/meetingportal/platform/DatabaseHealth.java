package org.meetingportal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Whether the portal's database answers a trivial query right now. */
@ApplicationScoped
public class DatabaseHealth {

    private static final Logger LOG = Logger.getLogger(DatabaseHealth.class.getName());

    @PersistenceContext
    EntityManager em;

    public boolean answers() {
        try {
            em.createNativeQuery("SELECT 1").getSingleResult();
            return true;
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCauseOf(e)) {
                // A load balancer asks every few seconds; a stack trace each time would bury everything else.
                LOG.warning(() -> "Health check: the database cannot be reached: " + e);
            } else {
                LOG.log(Level.WARNING, "Health check: the database does not answer", e);
            }
            return false;
        }
    }
}
