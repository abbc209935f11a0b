package org.meetingportal.trtc;

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
import java.util.logging.Logger;
import org.meetingportal.platform.StartupOrder;
import org.meetingportal.platform.Sweeps;

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

    private Sweeps sweeps;

    @PostConstruct
    void prepare() {
        sweeps = new Sweeps(scheduler, this::sweep, "calls to Tencent Cloud");
    }

    void start(@Observes @Priority(StartupOrder.CALLS) @Initialized(ApplicationScoped.class) Object started) {
        if (cloud.account().isPresent()) {
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

    /** A call was just written: make it now rather than at the next sweep. */
    void soon() {
        sweeps.soon();
    }

    private void sweep() {
        for (long id : outbox.due(BATCH)) {
            if (sweeps.stopped()) {
                return;
            }
            outbox.claim(id).ifPresent(this::make);
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
