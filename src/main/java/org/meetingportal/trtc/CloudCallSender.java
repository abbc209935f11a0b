package org.meetingportal.trtc;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.meetingportal.platform.StartupOrder;

/**
 * Makes the outbox's due calls: at once after a decision commits, and every few seconds for retries and for
 * calls a stopped node had taken. Every node does this; a call is made by the node that claims it.
 */
@ApplicationScoped
class CloudCallSender {

    private static final Logger LOG = Logger.getLogger(CloudCallSender.class.getName());
    static final int SWEEP_SECONDS = 2;
    private static final int BATCH = 20;

    @Inject
    CloudCallService outbox;

    @Inject
    TrtcRoomApi api;

    @Inject
    TencentCloudSettings cloud;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private ScheduledFuture<?> sweeps;
    /** The application is stopping: a sweep under way leaves what it has not taken to the next start. */
    private volatile boolean stopped;

    void start(@Observes @Priority(StartupOrder.CALLS) @Initialized(ApplicationScoped.class) Object started) {
        if (cloud.account().isPresent()) {
            sweeps = scheduler.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (sweeps != null) {
            sweeps.cancel(false);
        }
    }

    /** A call was just written: make it now rather than at the next sweep. */
    void soon() {
        try {
            scheduler.execute(this::sweep);
        } catch (RejectedExecutionException stopping) {
            // The next start's sweep makes it.
        }
    }

    private void sweep() {
        again.set(true);
        // One sweep at a time on a node: a sweep asked for meanwhile makes the running one look once more.
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            while (again.getAndSet(false) && !stopped) {
                for (long id : outbox.due(BATCH)) {
                    if (stopped) {
                        return;
                    }
                    outbox.claim(id).ifPresent(this::make);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the calls to Tencent Cloud could not be read; the next sweep tries again", e);
        } finally {
            sweeping.set(false);
        }
    }

    private void make(CloudCall call) {
        try {
            api.call(call);
            outbox.confirmed(call.getId());
            LOG.info(() -> describe(call) + ": confirmed by Tencent Cloud");
        } catch (CloudCallFailure | RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warning(() -> describe(call) + ": attempt " + call.getAttempts() + " failed: " + error);
            outbox.failed(call.getId(), error);
        }
    }

    private static String describe(CloudCall call) {
        return call.getAction() + " in room " + call.getRoomId() + call.getUserId().map(u -> " for " + u).orElse("")
                + " (meeting " + call.getMeetingId() + ")";
    }
}
