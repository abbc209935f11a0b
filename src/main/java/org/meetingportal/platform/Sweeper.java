package org.meetingportal.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An application-scoped bean that looks for work in the database every few seconds on every node, and at once
 * when asked ({@link #soon}): due outbox rows, reminders. One sweep at a time on a node; a request during a sweep
 * makes it look once more. Once the application begins to stop no sweep begins, because one would open a
 * transaction the stopping container can no longer end, on the server's own threads.
 */
public abstract class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private ScheduledFuture<?> every;
    private volatile boolean stopped;
    private volatile boolean failing;

    /** What is swept, for the log. */
    protected abstract String what();

    /** Whether this portal sweeps at all (the work's feature is configured). */
    protected abstract boolean wanted();

    protected abstract Duration interval();

    /** One look for work, which does all it finds; it may throw (the next sweep tries again). */
    protected abstract void sweep();

    protected synchronized void start(
            @Observes @Priority(StartupOrder.CALLS) @Initialized(ApplicationScoped.class) Object started) {
        if (wanted() && every == null && !stopped) {
            long millis = interval().toMillis();
            every = scheduler.scheduleWithFixedDelay(this::run, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    protected void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        stop();
    }

    @PreDestroy
    protected synchronized void stop() {
        stopped = true;
        if (every != null) {
            every.cancel(false);
        }
    }

    /** Work was just written: look now rather than at the next sweep. */
    public void soon() {
        if (stopped) {
            return;
        }
        try {
            scheduler.execute(this::run);
        } catch (RejectedExecutionException stopping) {
            // The next start's sweep, or another node's, finds it.
        }
    }

    /** Whether the application is stopping: a sweep leaves what it has not yet taken to another node or start. */
    protected boolean stopped() {
        return stopped;
    }

    /** Never throws: a scheduled task that throws is never run again. */
    private void run() {
        again.set(true);
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            while (again.getAndSet(false) && !stopped) {
                sweep();
            }
            if (failing) {
                failing = false;
                LOG.info(() -> "The " + what() + " are handled again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "The " + what() + " could not be handled; the next sweep tries again", e);
            }
        } finally {
            sweeping.set(false);
        }
    }
}
