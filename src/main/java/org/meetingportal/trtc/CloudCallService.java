package org.meetingportal.trtc;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.meetingportal.platform.AfterCommit;
import org.meetingportal.platform.Backoff;

/**
 * The outbox of calls to TRTC's server API: written with the decision that needs them, taken by one node at
 * a time, retried with a growing pause, and given up only after {@link #MAX_ATTEMPTS}. Nothing here undoes
 * the decision; a failure is reported to the meeting's hosts.
 */
@ApplicationScoped
@Transactional
public class CloudCallService {

    static final int MAX_ATTEMPTS = 10;
    /** How long a node owns a call it took: longer than the SDK may take to answer. */
    static final Duration LEASE = Duration.ofSeconds(3L * TrtcRoomApi.TIMEOUT_SECONDS);
    private static final Backoff PAUSES = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    /** A call was not confirmed, and perhaps given up: the meeting's hosts are told. */
    public record Unconfirmed(long meetingId) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TencentCloudSettings cloud;

    @Inject
    TrtcSettings trtc;

    @Inject
    Event<Unconfirmed> unconfirmed;

    @Inject
    CloudCallSender sender;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Keeps a call to make once the current transaction commits.
     *
     * @return whether it will be made: not without a Tencent Cloud account
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean request(long meetingId, CloudCall.Action action, long roomId, String userId) {
        Optional<TrtcSettings.Application> application = trtc.application();
        if (cloud.account().isEmpty() || application.isEmpty()) {
            return false;
        }
        em.persist(new CloudCall(meetingId, action, application.get().sdkAppId(), roomId, userId, clock.instant()));
        AfterCommit.run(transactions, sender::soon);
        return true;
    }

    /** A meeting's calls, oldest first, for its hosts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CloudCall> calls(long meetingId) {
        return em.createNamedQuery(CloudCall.FIND_BY_MEETING, CloudCall.class).setParameter("meeting", meetingId)
                .getResultList();
    }

    /** In a transaction of its own: outside one, Payara's entity manager is closed on the sender's thread. */
    List<Long> due(int max) {
        return em.createNamedQuery(CloudCall.FIND_DUE, Long.class).setParameter("now", clock.instant())
                .setMaxResults(max).getResultList();
    }

    /** Takes a due call for this node; empty when another node took it first or it is no longer due. */
    Optional<CloudCall> claim(long id) {
        CloudCall call = em.find(CloudCall.class, id);
        if (call == null || call.getState() != CloudCall.State.PENDING) {
            return Optional.empty();
        }
        int taken = em.createNamedQuery(CloudCall.CLAIM).setParameter("lease", clock.instant().plus(LEASE))
                .setParameter("id", id).setParameter("attempts", call.getAttempts()).executeUpdate();
        if (taken == 0) {
            return Optional.empty();
        }
        em.refresh(call);
        return Optional.of(call);
    }

    void confirmed(long id) {
        em.find(CloudCall.class, id).done(clock.instant());
    }

    void failed(long id, String error) {
        CloudCall call = em.find(CloudCall.class, id);
        Instant now = clock.instant();
        if (call.getAttempts() >= MAX_ATTEMPTS) {
            call.givenUp(error, now);
        } else {
            call.failed(error, now.plus(pause(call.getAttempts())));
        }
        unconfirmed.fire(new Unconfirmed(call.getMeetingId()));
    }

    /** The pause after the given number of failed attempts: doubling from two seconds, at most five minutes. */
    static Duration pause(int attempts) {
        return PAUSES.after(attempts);
    }
}
