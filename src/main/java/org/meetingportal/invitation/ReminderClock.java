package org.meetingportal.invitation;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.meetingportal.platform.StartupOrder;

/**
 * Looks for meetings due for their reminder every few seconds, on every node; {@link Reminders} makes sure
 * that one node alone reminds of each.
 */
@ApplicationScoped
class ReminderClock {

    private static final Logger LOG = Logger.getLogger(ReminderClock.class.getName());
    static final int SWEEP_SECONDS = 5;

    @Inject
    Reminders reminders;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweeps;
    /** Once the application stops, a sweep would begin a transaction the container can no longer end. */
    private volatile boolean stopped;
    private volatile boolean failing;

    void start(@Observes @Priority(StartupOrder.CALLS) @Initialized(ApplicationScoped.class) Object started) {
        if (reminders.enabled()) {
            sweeps = scheduler.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
        }
    }

    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        stop();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (sweeps != null) {
            sweeps.cancel(false);
        }
    }

    /** Never throws: a scheduled task that throws is never run again. */
    private void sweep() {
        if (stopped) {
            return;
        }
        try {
            while (!stopped && reminders.remind() == Reminders.BATCH) {
                // More may be due than one transaction takes.
            }
            if (failing) {
                failing = false;
                LOG.info("Reminders are sent again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Reminders could not be sent; the next sweep tries again", e);
            }
        }
    }
}
