package org.meetingportal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.meetingportal.platform.Page;

/** The audit of issued credentials: carried in from the {@link GrantJournal}, read by the audit page. */
@ApplicationScoped
@Transactional
public class CredentialAudit {

    @PersistenceContext
    EntityManager em;

    /**
     * How long the names of carried journals are kept. A file outlives its commit only when its server dies
     * between that commit and the delete; only if that server then stayed down longer than this would the
     * file's grants be recorded twice, and never lost.
     */
    private static final Duration KEEP_CARRIED_NAMES = Duration.ofDays(30);

    @Inject
    Clock clock;

    /**
     * Commits one journal's grants, in a transaction of its own, together with the journal's name, unless
     * that name says they were committed before (the file outlived its commit in a crash, or another node
     * sharing the folder carried it first).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void move(String journal, List<CredentialGrant> grants) {
        if (em.find(MovedJournal.class, journal) != null) {
            return;
        }
        grants.forEach(em::persist);
        Instant now = clock.instant();
        em.persist(new MovedJournal(journal, now));
        em.createNamedQuery(MovedJournal.DELETE_BEFORE).setParameter("before", now.minus(KEEP_CARRIED_NAMES))
                .executeUpdate();
    }

    /** The audit, newest first, optionally for one user and one meeting. */
    public Page<CredentialGrant> search(String username, Long meetingId, int page, int size) {
        String user = username == null || username.isBlank() ? null : username.strip();
        List<CredentialGrant> items = em.createNamedQuery(CredentialGrant.SEARCH, CredentialGrant.class)
                .setParameter("username", user).setParameter("meetingId", meetingId)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createNamedQuery(CredentialGrant.COUNT_SEARCH, Long.class)
                .setParameter("username", user).setParameter("meetingId", meetingId).getSingleResult();
        return new Page<>(items, page, size, total);
    }
}
