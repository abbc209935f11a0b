package org.meetingportal.invitation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.meetingportal.platform.StartupOrder;
import org.meetingportal.platform.Sweeps;

/**
 * Looks for meetings due for their reminder every few seconds, on every node; {@link Reminders} makes sure
 * that one node alone reminds of each.
 */
@ApplicationScoped
class ReminderClock {

    static final int SWEEP_SECONDS = 5;

    @Inject
    Reminders reminders;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private Sweeps sweeps;

    @PostConstruct
    void prepare() {
        sweeps = new Sweeps(scheduler, this::sweep, "reminders");
    }

    void start(@Observes @Priority(StartupOrder.CALLS) @Initialized(ApplicationScoped.class) Object started) {
        if (reminders.enabled()) {
            sweeps.start(Duration.ofSeconds(SWEEP_SECONDS));
        }
    }

    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        sweeps.stop();
    }

    @PreDestroy
    void stop() {
        sweeps.stop();
    }

    private void sweep() {
        while (!sweeps.stopped() && reminders.remind() == Reminders.BATCH) {
            // More may be due than one transaction takes.
        }
    }
}
