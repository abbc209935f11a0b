package org.meetingportal.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountService;
import org.meetingportal.meeting.ParticipantRole;
import org.meetingportal.meeting.Person;
import org.meetingportal.meeting.RoomNumbers;
import org.meetingportal.platform.DomainException;

/** Call records: opened when someone calls, moved along as the switchboard decides, read for lists. */
@ApplicationScoped
@Transactional
public class CallService {

    /** "Missed calls" on the dashboard count the last week's. */
    static final Duration MISSED_WINDOW = Duration.ofDays(7);

    @PersistenceContext
    EntityManager em;

    @Inject
    RoomNumbers rooms;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    /** Records a new ringing call in a room of its own; the callee must be an active account. */
    public Call open(String caller, String callee, Media media) {
        accounts.account(callee).filter(Account::enabled).orElseThrow(DomainException::notFound);
        Call call = new Call(caller, callee, media, rooms.reserve(), clock.instant());
        em.persist(call);
        return call;
    }

    /*
     * The two reads below run in a transaction of their own although they write nothing: they are called from
     * the call socket's and the scheduler's threads, which are not requests, and outside a transaction Payara
     * hands such threads a shared persistence context that another thread may close mid-query.
     */

    /** The accounts of the people with call sockets open, for checking their sessions. */
    public Map<String, Account> accounts(List<String> usernames) {
        return accounts.accounts(usernames);
    }

    /** The name a call shows for a person; the username if the account is gone. */
    public String displayName(String username) {
        return accounts.account(username).map(Account::displayName).orElse(username);
    }

    public void record(Change change) {
        Call call = em.find(Call.class, change.callId());
        if (call != null) {
            call.moveTo(change.state(), change.at());
        }
    }

    /** The room of a running call, for one of its two parties; 404 for anyone else, 409 unless running. */
    public long runningRoom(long callId, Account person) {
        Call call = em.find(Call.class, callId);
        if (call == null || !person.enabled()
                || !call.parties().involves(person.username())) {
            throw DomainException.notFound();
        }
        if (call.getState() != CallState.ACCEPTED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "calls.notRunning");
        }
        return call.getRoomId();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CallView> recent(String username, int max) {
        return views(em.createNamedQuery(Call.FIND_RECENT, Call.class).setParameter("username", username)
                .setMaxResults(max).getResultList(), username);
    }

    /** One call as one of its parties sees it; 404 for anyone else. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CallView find(long id, String username) {
        Call call = em.find(Call.class, id);
        if (call == null || !call.parties().involves(username)) {
            throw DomainException.notFound();
        }
        return views(List.of(call), username).get(0);
    }

    private List<CallView> views(List<Call> calls, String username) {
        Map<String, Account> people = accounts.accounts(calls.stream()
                .flatMap(c -> Stream.of(c.getCaller(), c.getCallee())).distinct().toList());
        return calls.stream().map(c -> {
            boolean incoming = c.getCallee().equals(username);
            String other = incoming ? c.getCaller() : c.getCallee();
            Account account = people.get(other);
            return new CallView(c.getId(), new Person(other, account == null ? other : account.displayName(),
                    ParticipantRole.HOST), incoming, c.getMedia(), c.getState(), c.getStartedAt(), c.getAnsweredAt(),
                    c.getEndedAt(), incoming && c.getState() == CallState.MISSED);
        }).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long missedCalls(String username) {
        return em.createNamedQuery(Call.COUNT_MISSED, Long.class).setParameter("username", username)
                .setParameter("since", clock.instant().minus(MISSED_WINDOW)).getSingleResult();
    }

    /** Calls still ringing or running when the server stopped can never finish: they ended then. */
    public int endLeftovers(Instant at) {
        List<Call> open = em.createNamedQuery(Call.FIND_OPEN, Call.class).getResultList();
        open.forEach(c -> c.moveTo(c.getState() == CallState.RINGING ? CallState.MISSED : CallState.ENDED, at));
        return open.size();
    }
}
