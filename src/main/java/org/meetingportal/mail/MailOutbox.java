package org.meetingportal.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.meetingportal.platform.AfterCommit;
import org.meetingportal.platform.Backoff;
import org.meetingportal.platform.Configuration;

/**
 * The outbox: messages written with the change they tell of, taken by one node at a time, retried with a
 * growing pause while the SMTP server cannot take them, and given up on after {@link #MAX_ATTEMPTS}, or at
 * once for an address the server refuses.
 */
@ApplicationScoped
@Transactional
public class MailOutbox {

    static final int MAX_ATTEMPTS = 15;
    /** How long a node owns the messages it took: longer than the mail session's timeouts allow a send. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Configuration configuration;

    @Inject
    MailSender sender;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Whether anything is sent at all: not without an SMTP server. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean enabled() {
        return configuration.mailEnabled();
    }

    /**
     * Keeps a message to send once the current transaction commits; nothing when the same change was already
     * sent to the same person, or when no SMTP server is configured.
     *
     * @return whether it was kept
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean post(Letter letter) {
        if (!enabled() || letter.address() == null || letter.address().isBlank()) {
            return false;
        }
        long known = em.createNamedQuery(OutboxMessage.COUNT_KEY, Long.class).setParameter("key", letter.changeKey())
                .setParameter("username", letter.username()).getSingleResult();
        if (known > 0) {
            return false;
        }
        em.persist(new OutboxMessage(letter, "meeting-portal", clock.instant()));
        AfterCommit.run(transactions, sender::soon);
        return true;
    }

    /** The newest messages in these states, for admins. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutboxMessage> recent(List<OutboxMessage.State> states, int max) {
        return em.createNamedQuery(OutboxMessage.FIND_RECENT, OutboxMessage.class).setParameter("states", states)
                .setMaxResults(max).getResultList();
    }

    /** How many messages are in each state. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<OutboxMessage.State, Long> counts() {
        Map<OutboxMessage.State, Long> counts = new EnumMap<>(OutboxMessage.State.class);
        for (OutboxMessage.State state : OutboxMessage.State.values()) {
            counts.put(state, 0L);
        }
        for (Object[] row : em.createNamedQuery(OutboxMessage.COUNT_STATE, Object[].class).getResultList()) {
            counts.put((OutboxMessage.State) row[0], (Long) row[1]);
        }
        return counts;
    }

    /**
     * Takes up to {@code max} due messages for this node in one transaction: what another node took first is
     * not among them, and what this node does not send within the lease is due again.
     */
    List<OutboxMessage> claim(int max) {
        Instant now = clock.instant();
        List<Long> due = em.createNamedQuery(OutboxMessage.FIND_DUE, Long.class).setParameter("now", now)
                .setMaxResults(max).getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        String claim = UUID.randomUUID().toString();
        em.createNamedQuery(OutboxMessage.CLAIM).setParameter("claim", claim).setParameter("lease", now.plus(LEASE))
                .setParameter("ids", due).setParameter("now", now).executeUpdate();
        return em.createNamedQuery(OutboxMessage.FIND_CLAIMED, OutboxMessage.class).setParameter("claim", claim)
                .getResultList();
    }

    void sent(List<Long> ids) {
        Instant now = clock.instant();
        for (long id : ids) {
            em.find(OutboxMessage.class, id).sent(now);
        }
    }

    /**
     * A message the server did not take: tried again later, unless {@code refused} (the server will never take
     * it) or it has had its attempts.
     */
    void failed(long id, String error, boolean refused) {
        OutboxMessage message = em.find(OutboxMessage.class, id);
        boolean last = refused || message.getAttempts() >= MAX_ATTEMPTS;
        message.failed(error, last ? null
                : clock.instant().plus(new Backoff(configuration.mailRetry(), LONGEST_PAUSE).after(message.getAttempts())));
    }
}
