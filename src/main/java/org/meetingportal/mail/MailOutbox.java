package org.meetingportal.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
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

    private static final String INSERT = "INSERT INTO outbox_message (change_key, username, recipient, message_id,"
            + " subject, body, calendar, calendar_method, calendar_name, state, attempts, created_at, next_attempt_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";

    @PersistenceContext
    EntityManager em;

    /** The persistence unit's own database; a connection taken inside the transaction takes part in it. */
    @Resource(lookup = "java:comp/env/jdbc/portal")
    DataSource database;

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
     * Keeps messages to send once the current transaction commits; none that was already kept for the same change
     * and person, and none at all when no SMTP server is configured.
     *
     * @return how many were kept
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int post(List<Letter> letters) {
        List<Letter> addressed = letters.stream().filter(l -> l.address() != null && !l.address().isBlank()).toList();
        if (!enabled() || addressed.isEmpty()) {
            return 0;
        }
        Set<List<String>> known = new HashSet<>();
        for (Object[] row : em.createNamedQuery(OutboxMessage.FIND_KNOWN, Object[].class)
                .setParameter("keys", addressed.stream().map(Letter::changeKey).distinct().toList())
                .setParameter("usernames", addressed.stream().map(Letter::username).distinct().toList())
                .getResultList()) {
            known.add(List.of((String) row[0], (String) row[1]));
        }
        List<Letter> fresh = addressed.stream().filter(l -> known.add(List.of(l.changeKey(), l.username()))).toList();
        if (!fresh.isEmpty()) {
            insert(fresh);
            AfterCommit.run(transactions, sender::soon);
        }
        return fresh.size();
    }

    /**
     * One JDBC batch on the transaction's connection rather than a persist each: with identity keys each entity
     * is inserted alone with its key read back, which nobody needs here, and Payara's statement cache hands
     * Hibernate the same insert twice in a transaction, which it refuses for generated keys.
     */
    private void insert(List<Letter> letters) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Letter letter : letters) {
                insert.setString(1, letter.changeKey());
                insert.setString(2, letter.username());
                insert.setString(3, letter.address());
                // Fixed now, so that every attempt sends the same message.
                insert.setString(4, "<" + UUID.randomUUID() + "@meeting-portal>");
                insert.setString(5, letter.subject());
                insert.setString(6, letter.body());
                insert.setString(7, letter.calendar());
                insert.setString(8, letter.calendarMethod());
                insert.setString(9, letter.calendarName());
                insert.setObject(10, now);
                insert.setObject(11, now);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("the outbox could not be written", e);
        }
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
        em.createNamedQuery(OutboxMessage.MARK_SENT).setParameter("now", clock.instant()).setParameter("ids", ids)
                .executeUpdate();
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
