package org.meetingportal.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.meetingportal.platform.Sweeper;

/**
 * Looks for meetings due for their reminder every few seconds, on every node; {@link Reminders} makes sure
 * that one node alone reminds of each.
 */
@ApplicationScoped
class ReminderClock extends Sweeper {

    static final int SWEEP_SECONDS = 5;

    @Inject
    Reminders reminders;

    @Override
    protected String what() {
        return "reminders";
    }

    @Override
    protected boolean wanted() {
        return reminders.enabled();
    }

    @Override
    protected Duration interval() {
        return Duration.ofSeconds(SWEEP_SECONDS);
    }

    @Override
    protected void sweep() {
        while (!stopped() && reminders.remind() == Reminders.BATCH) {
            // More may be due than one transaction takes.
        }
    }
}
