package org.meetingportal.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Hands out TRTC room numbers: drawn at random from the whole range, so that one meeting's number says
 * nothing about another's, and recorded for good under a primary key, so that the database itself
 * guarantees none is handed out twice, even by two nodes at once.
 */
@ApplicationScoped
public class RoomNumbers {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Reserves one number in a transaction of its own. A clash with a number reserved at the same moment
     * fails this transaction; the caller simply asks again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long reserve() {
        long candidate;
        do {
            candidate = RANDOM.nextLong(RoomNumber.MIN, RoomNumber.MAX + 1);
        } while (em.find(RoomNumber.class, candidate) != null);
        em.persist(new RoomNumber(candidate, clock.instant()));
        em.flush();
        return candidate;
    }
}
