package org.meetingportal.platform;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work that every node looks for in the database every few seconds, and at once when asked ({@link #soon}):
 * due outbox rows, reminders. One sweep at a time on a node; a request during a sweep makes it look once more.
 * Once the application begins to stop ({@link #stop}) no sweep begins, because one would open a transaction the
 * stopping container can no longer end, on the server's own threads.
 */
public final class Sweeps {

    private static final Logger LOG = Logger.getLogger(Sweeps.class.getName());

    private final ManagedScheduledExecutorService scheduler;
    private final Runnable sweep;
    private final String what;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private ScheduledFuture<?> every;
    private volatile boolean stopped;
    private volatile boolean failing;

    /**
     * @param sweep one look for work, which does all it finds; it may throw (the next sweep tries again)
     * @param what what is swept, for the log
     */
    public Sweeps(ManagedScheduledExecutorService scheduler, Runnable sweep, String what) {
        this.scheduler = Objects.requireNonNull(scheduler);
        this.sweep = Objects.requireNonNull(sweep);
        this.what = Objects.requireNonNull(what);
    }

    public synchronized void start(Duration interval) {
        if (every == null && !stopped) {
            every = scheduler.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
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

    public synchronized void stop() {
        stopped = true;
        if (every != null) {
            every.cancel(false);
        }
    }

    /** Whether the application is stopping: a sweep leaves what it has not yet taken to another node or start. */
    public boolean stopped() {
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
                sweep.run();
            }
            if (failing) {
                failing = false;
                LOG.info(() -> "The " + what + " are handled again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "The " + what + " could not be handled; the next sweep tries again", e);
            }
        } finally {
            sweeping.set(false);
        }
    }
}
