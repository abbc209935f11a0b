package org.meetingportal.trtc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.meetingportal.platform.Sweeper;

/**
 * Makes the outbox's due calls: at once after a decision commits, and every few seconds for retries and for
 * calls a stopped node had taken. Every node does this; a call is made by the node that claims it.
 */
@ApplicationScoped
class CloudCallSender extends Sweeper {

    private static final Logger LOG = Logger.getLogger(CloudCallSender.class.getName());
    static final int SWEEP_SECONDS = 2;
    private static final int BATCH = 20;

    @Inject
    CloudCallService outbox;

    @Inject
    TrtcRoomApi api;

    @Inject
    TencentCloudSettings cloud;

    @Override
    protected String what() {
        return "calls to Tencent Cloud";
    }

    @Override
    protected boolean wanted() {
        return cloud.account().isPresent();
    }

    @Override
    protected Duration interval() {
        return Duration.ofSeconds(SWEEP_SECONDS);
    }

    @Override
    protected void sweep() {
        for (long id : outbox.due(BATCH)) {
            if (stopped()) {
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
