package org.meetingportal.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountService;
import org.meetingportal.meeting.Admission;
import org.meetingportal.meeting.Meeting;
import org.meetingportal.meeting.MeetingService;
import org.meetingportal.meeting.ParticipantRole;
import org.meetingportal.platform.DomainException;

/**
 * The door of a running meeting: who is let in, who waits, and what hosts decide about those who wait.
 * "Not yet" is an answer here, not an exception, so that the waiting person's entry is kept.
 */
@ApplicationScoped
@Transactional
public class RoomService {

    @PersistenceContext
    EntityManager em;

    @Inject
    MeetingService meetings;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    @Inject
    RoomSignals signals;

    /** Asked before every credential of a meeting, after the meeting has said the person belongs in it. */
    public Entrance enter(Admission admission, Account person) {
        if (admission.role() == ParticipantRole.HOST) {
            if (!admission.door().hostEntered()) {
                em.createNamedQuery(Meeting.MARK_HOST_ENTERED).setParameter(1, clock.instant())
                        .setParameter(2, admission.meetingId()).executeUpdate();
            }
            return Entrance.IN;
        }
        Optional<LobbyEntry> entry = find(admission.meetingId(), person.username());
        if (entry.isEmpty() && admission.mustBeAdmitted()) {
            entry = Optional.of(ask(admission.meetingId(), person.username()));
        }
        LobbyDecision decision = entry.map(LobbyEntry::getDecision).orElse(LobbyDecision.ADMITTED);
        return switch (decision) {
            case DENIED -> Entrance.DENIED;
            case WAITING -> Entrance.WAITING;
            case ADMITTED -> admission.mustAwaitHost() ? Entrance.WAITING_FOR_HOST : Entrance.IN;
        };
    }

    /** A new waiting entry, made once however many of the person's pages ask at the same moment. */
    private LobbyEntry ask(long meetingId, String username) {
        em.find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        return find(meetingId, username).orElseGet(() -> {
            LobbyEntry created = new LobbyEntry(meetingId, username, clock.instant());
            em.persist(created);
            signals.toHosts(meetingId, RoomSignals.WAITING);
            return created;
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Waiting> lobby(long meetingId, Account host) {
        requireHost(meetingId, host);
        List<LobbyEntry> waiting = em.createNamedQuery(LobbyEntry.FIND_WAITING, LobbyEntry.class)
                .setParameter("meeting", meetingId).getResultList();
        Map<String, Account> people = accounts.accounts(waiting.stream().map(LobbyEntry::getUsername).toList());
        return waiting.stream().map(e -> new Waiting(e.getUsername(),
                Optional.ofNullable(people.get(e.getUsername())).map(Account::displayName).orElse(e.getUsername()),
                e.getSince())).toList();
    }

    /**
     * Lets one waiting person in, or keeps them out for good. Deciding again the same way changes nothing
     * and answers the same; deciding the other way after the first is a conflict.
     */
    public LobbyDecision decide(long meetingId, String username, LobbyDecision decision, Account host) {
        if (decision == LobbyDecision.WAITING) {
            throw new IllegalArgumentException("a host admits or denies");
        }
        requireHost(meetingId, host);
        LobbyEntry entry = find(meetingId, username).orElseThrow(DomainException::notFound);
        int changed = em.createNamedQuery(LobbyEntry.DECIDE).setParameter("decision", decision)
                .setParameter("host", host.username()).setParameter("now", clock.instant())
                .setParameter("meeting", meetingId).setParameter("usernames", List.of(username)).executeUpdate();
        em.refresh(entry);
        if (entry.getDecision() != decision) {
            throw new DomainException(DomainException.Kind.CONFLICT, "lobby.decidedOtherwise");
        }
        if (changed > 0) {
            signals.toPerson(meetingId, username, decision.name().toLowerCase(Locale.ROOT));
            signals.toHosts(meetingId, RoomSignals.LOBBY);
        }
        return decision;
    }

    /** Lets in everyone waiting now; returns how many. */
    public int admitAll(long meetingId, Account host) {
        requireHost(meetingId, host);
        List<String> waiting = em.createNamedQuery(LobbyEntry.FIND_WAITING, LobbyEntry.class)
                .setParameter("meeting", meetingId).getResultStream().map(LobbyEntry::getUsername).toList();
        if (waiting.isEmpty()) {
            return 0;
        }
        int admitted = em.createNamedQuery(LobbyEntry.DECIDE).setParameter("decision", LobbyDecision.ADMITTED)
                .setParameter("host", host.username()).setParameter("now", clock.instant())
                .setParameter("meeting", meetingId).setParameter("usernames", waiting).executeUpdate();
        // Those another host decided about meanwhile heard it from that host's decision.
        String event = LobbyDecision.ADMITTED.name().toLowerCase(Locale.ROOT);
        em.createNamedQuery(LobbyEntry.FIND_DECIDED_BY, LobbyEntry.class).setParameter("meeting", meetingId)
                .setParameter("usernames", waiting).setParameter("host", host.username()).getResultStream()
                .forEach(e -> signals.toPerson(meetingId, e.getUsername(), event));
        signals.toHosts(meetingId, RoomSignals.LOBBY);
        return admitted;
    }

    /** Only a host of the meeting runs it: others who see it are refused, others get "not found". */
    private void requireHost(long meetingId, Account person) {
        if (meetings.admission(meetingId, person).role() != ParticipantRole.HOST) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "room.hostsOnly");
        }
    }

    private Optional<LobbyEntry> find(long meetingId, String username) {
        return em.createNamedQuery(LobbyEntry.FIND, LobbyEntry.class).setParameter("meeting", meetingId)
                .setParameter("username", username).getResultStream().findFirst();
    }
}
