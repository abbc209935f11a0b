package org.meetingportal.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.meetingportal.platform.Configuration;

/**
 * The call board of a cluster, held in the shared database: the same rules as the {@link Switchboard}, each
 * event decided in one transaction under row locks (the people concerned, or the call), so that two nodes
 * never decide the same thing twice. What a decision means for pages is published in that transaction
 * ({@link SharedCallFanout}) and reaches them, on any node, once it has committed; only what concerns the page
 * that caused the event on this node is left in the returned {@link Step}, for the hub to send at once.
 *
 * <p>Every node writes its heartbeat on each tick. When a node falls silent, whichever node notices first
 * removes its sockets: its people go offline, and those in a call have the grace period to come back through
 * another node before the call ends.
 */
@ApplicationScoped
@Typed(SharedCallBoard.class)
@Transactional // reads too: called from sockets' and the ticker's threads, where Payara shares a closable context
public class SharedCallBoard implements CallBoard {

    /** Heartbeats come each second; a node silent this long is taken for gone. */
    static final Duration NODE_SILENCE = Duration.ofSeconds(6);

    private static final List<CallState> OPEN = List.of(CallState.RINGING, CallState.ACCEPTED);

    @PersistenceContext
    EntityManager em;

    @Inject
    SharedCallFanout fanout;

    @Inject
    CallService calls;

    @Inject
    Clock clock;

    @Inject
    Configuration configuration;

    private final String node = UUID.randomUUID().toString();

    /** This node on the board: its id marks its sockets. */
    String node() {
        return node;
    }

    @Override
    public Step connect(String username, String connection) {
        Step step = Step.of();
        lockPeople(username);
        Presence before = presence(username);
        em.persist(new OpenSocket(connection, node, username, clock.instant()));
        for (Call call : openCallsOf(username)) {
            call.partyGone(username, null);
            if (call.getState() == CallState.RINGING && call.getCallee().equals(username)) {
                step.send(username, connection, Signal.of("ringing", call.live()));
            } else {
                step.send(username, connection, Signal.of(call.getState() == CallState.ACCEPTED ? "accepted"
                        : "calling", call.live()));
            }
        }
        announce(username, before);
        return step;
    }

    @Override
    public Step disconnect(String username, String connection) {
        lockPeople(username);
        Presence before = presence(username);
        OpenSocket socket = em.find(OpenSocket.class, connection);
        if (socket != null) {
            em.remove(socket);
            em.flush();
            lost(username, clock.instant());
        }
        announce(username, before);
        return Step.of();
    }

    @Override
    public Presence presence(String username) {
        List<Call> open = openCallsOf(username);
        if (open.stream().anyMatch(c -> c.getState() == CallState.ACCEPTED)) {
            return Presence.IN_CALL;
        }
        return socketsOf(username).isEmpty() ? Presence.OFFLINE : Presence.ONLINE;
    }

    @Override
    public Map<String, Presence> everyonePresent() {
        Map<String, Presence> present = new HashMap<>();
        em.createNamedQuery(OpenSocket.FIND_PEOPLE, String.class).getResultList()
                .forEach(username -> present.put(username, Presence.ONLINE));
        for (Call call : em.createNamedQuery(Call.FIND_OPEN, Call.class).getResultList()) {
            if (call.getState() == CallState.ACCEPTED) {
                present.put(call.getCaller(), Presence.IN_CALL);
                present.put(call.getCallee(), Presence.IN_CALL);
            }
        }
        return present;
    }

    @Override
    public Set<String> parties() {
        Set<String> parties = new HashSet<>();
        for (Call call : em.createNamedQuery(Call.FIND_OPEN, Call.class).getResultList()) {
            parties.add(call.getCaller());
            parties.add(call.getCallee());
        }
        return parties;
    }

    @Override
    public Optional<String> refusal(String caller, String callee) {
        if (caller.equals(callee)) {
            return Optional.of("self");
        }
        if (!openCallsOf(caller).isEmpty()) {
            return Optional.of("already-in-call");
        }
        long placed = em.createNamedQuery(Call.COUNT_PLACED_BY, Long.class).setParameter("username", caller)
                .setParameter("since", clock.instant().minus(Duration.ofMinutes(1))).getSingleResult();
        // The call being refused or not is not written yet: the ones already placed are all that count.
        return placed >= configuration.callRatePerMinute() ? Optional.of("too-many") : Optional.empty();
    }

    /**
     * Places a recorded call. Two calls recorded at the same moment on two nodes may concern the same person;
     * under the lock of both people, a call gives way to every other open call of theirs with a smaller id, so
     * that of two such calls exactly one rings.
     */
    @Override
    public Step invite(Invitation invitation) {
        lockPeople(invitation.caller(), invitation.callee());
        Call call = em.find(Call.class, invitation.id(), LockModeType.PESSIMISTIC_WRITE);
        if (call == null || call.getState() != CallState.RINGING) {
            return Step.of();
        }
        Instant now = clock.instant();
        Presence callerBefore = presence(invitation.caller());
        if (earlierOpenCall(invitation.caller(), call.getId())) {
            call.moveTo(CallState.CANCELLED, now);
            publish(call.getCaller(), null, Signal.of("ended", call.live()));
            return Step.of();
        }
        if (earlierOpenCall(invitation.callee(), call.getId())) {
            call.moveTo(CallState.BUSY, now);
        } else if (socketsOf(invitation.callee()).isEmpty()) {
            call.moveTo(CallState.MISSED, now);
        }
        if (call.getState().isFinal()) {
            publish(call.getCaller(), null, Signal.of("ended", call.live()));
            if (call.getState() == CallState.MISSED) {
                publish(call.getCallee(), null, Signal.of("missed", call.live()));
            }
            return Step.of();
        }
        publish(call.getCaller(), null, Signal.of("calling", call.live()));
        publish(call.getCallee(), null, Signal.of("ringing", call.live()));
        announce(invitation.caller(), callerBefore);
        return Step.of();
    }

    /** The callee answers on one page: the first answer wins, every other page of theirs stops ringing. */
    @Override
    public Step accept(long callId, String username, String connection) {
        Call call = lockCall(callId);
        if (call == null || !call.getCallee().equals(username) || call.getState() != CallState.RINGING) {
            return Step.of().send(username, connection, Signal.error(call != null && call.getCallee().equals(username)
                    ? "already-answered" : "no-such-call"));
        }
        Presence callerBefore = presence(call.getCaller());
        Presence calleeBefore = presence(call.getCallee());
        call.moveTo(CallState.ACCEPTED, clock.instant());
        em.flush();
        publish(call.getCaller(), null, Signal.of("accepted", call.live()));
        publish(call.getCallee(), connection, Signal.of("accepted", call.live()));
        for (OpenSocket other : socketsOf(call.getCallee())) {
            if (!other.id().equals(connection)) {
                publish(call.getCallee(), other.id(), Signal.of("answered-elsewhere", call.live()));
            }
        }
        announce(call.getCaller(), callerBefore);
        announce(call.getCallee(), calleeBefore);
        return Step.of();
    }

    @Override
    public Step reject(long callId, String username) {
        return finish(callId, username, true, CallState.REJECTED);
    }

    @Override
    public Step cancel(long callId, String username) {
        return finish(callId, username, false, CallState.CANCELLED);
    }

    /** Either side ends a running call; a caller hanging up before an answer cancels it, a callee rejects it. */
    @Override
    public Step hangUp(long callId, String username) {
        Call call = lockCall(callId);
        if (call != null && call.getState() == CallState.RINGING && call.parties().involves(username)) {
            boolean callee = call.getCallee().equals(username);
            return finish(callId, username, callee, callee ? CallState.REJECTED : CallState.CANCELLED);
        }
        if (call == null || call.getState() != CallState.ACCEPTED || !call.parties().involves(username)) {
            return Step.of().send(username, null, Signal.error("no-such-call"));
        }
        end(call, CallState.ENDED);
        return Step.of();
    }

    /**
     * Time passing, on every node each second: its heartbeat, then whatever has fallen due. A silent node is
     * claimed with SKIP LOCKED, so that one node removes it; a call that is due is settled under its lock and
     * only if it is still open, so that a second node finds nothing left to do. Unanswered calls become missed,
     * and calls whose party has been gone longer than the grace period end.
     */
    @Override
    public Step tick() {
        Instant now = clock.instant();
        ClusterNode self = em.find(ClusterNode.class, node);
        if (self == null) {
            em.persist(new ClusterNode(node, nodeName(), now));
        } else {
            self.seen(now);
        }
        for (ClusterNode silent : claim(em.createNamedQuery(ClusterNode.FIND_SILENT, ClusterNode.class)
                .setParameter("before", now.minus(NODE_SILENCE)))) {
            removeNode(silent, now);
        }
        Instant ringSince = now.minus(configuration.callRingTimeout());
        Instant goneSince = now.minus(configuration.callGrace());
        List<Long> due = em.createQuery("select c.id from Call c where c.state in :open and (c.state = :ringing"
                + " and c.startedAt <= :ringSince or c.callerGoneAt <= :goneSince or c.calleeGoneAt <= :goneSince)"
                + " order by c.id", Long.class).setParameter("open", OPEN).setParameter("ringing", CallState.RINGING)
                .setParameter("ringSince", ringSince).setParameter("goneSince", goneSince).getResultList();
        for (long id : due) {
            // Under the lock, as it is now: another node may have settled it meanwhile.
            Call call = lockCall(id);
            if (call == null || call.getState().isFinal()) {
                continue;
            }
            if (call.getState() == CallState.RINGING && !call.getStartedAt().isAfter(ringSince)) {
                publish(call.getCallee(), null, Signal.of("missed", new LiveCall(call.getId(), call.getCaller(),
                        call.getCallee(), call.getMedia(), CallState.MISSED, call.getRoomId())));
                end(call, CallState.MISSED);
            } else if (gone(call.callerGoneAt(), goneSince)) {
                end(call, call.getState() == CallState.RINGING ? CallState.CANCELLED : CallState.ENDED);
            } else if (call.getState() == CallState.ACCEPTED && gone(call.calleeGoneAt(), goneSince)) {
                end(call, CallState.ENDED);
            }
        }
        return Step.of();
    }

    /** A node stopping on purpose takes its sockets off the board at once, rather than leave them to the others. */
    @Override
    public void leave() {
        ClusterNode self = em.find(ClusterNode.class, node);
        if (self != null) {
            removeNode(self, clock.instant());
        }
    }

    private void removeNode(ClusterNode gone, Instant now) {
        List<OpenSocket> sockets = em.createNamedQuery(OpenSocket.FIND_ON_NODE, OpenSocket.class)
                .setParameter("node", gone.id()).getResultList();
        Set<String> people = new HashSet<>();
        sockets.forEach(s -> people.add(s.username()));
        String[] sorted = people.stream().sorted().toArray(String[]::new);
        lockPeople(sorted);
        Map<String, Presence> before = new HashMap<>();
        for (String username : sorted) {
            before.put(username, presence(username));
        }
        em.createNamedQuery(OpenSocket.DELETE_ON_NODE).setParameter("node", gone.id()).executeUpdate();
        em.remove(gone);
        em.flush();
        em.clear();
        for (String username : sorted) {
            lost(username, now);
            announce(username, before.get(username));
        }
    }

    private Step finish(long callId, String username, boolean byCallee, CallState to) {
        Call call = lockCall(callId);
        if (call == null || call.getState() != CallState.RINGING
                || !(byCallee ? call.getCallee() : call.getCaller()).equals(username)) {
            return Step.of().send(username, null, Signal.error("no-such-call"));
        }
        end(call, to);
        return Step.of();
    }

    private void end(Call call, CallState state) {
        lockPeople(call.getCaller(), call.getCallee());
        Presence callerBefore = presence(call.getCaller());
        Presence calleeBefore = presence(call.getCallee());
        call.moveTo(state, clock.instant());
        call.partyGone(call.getCaller(), null);
        call.partyGone(call.getCallee(), null);
        em.flush();
        publish(call.getCaller(), null, Signal.of("ended", call.live()));
        publish(call.getCallee(), null, Signal.of("ended", call.live()));
        announce(call.getCaller(), callerBefore);
        announce(call.getCallee(), calleeBefore);
    }

    /** A person whose last page closed: the grace period of their open call starts now. */
    private void lost(String username, Instant now) {
        if (!socketsOf(username).isEmpty()) {
            return;
        }
        for (Call call : openCallsOf(username)) {
            Instant since = username.equals(call.getCaller()) ? call.callerGoneAt() : call.calleeGoneAt();
            if (since == null) {
                call.partyGone(username, now);
            }
        }
    }

    /** The call as it is now, locked after its two people (the order every decision takes locks in). */
    private Call lockCall(long callId) {
        Call call = em.find(Call.class, callId);
        if (call == null) {
            return null;
        }
        lockPeople(call.getCaller(), call.getCallee());
        em.refresh(call, LockModeType.PESSIMISTIC_WRITE);
        return call;
    }

    private boolean earlierOpenCall(String username, long callId) {
        return openCallsOf(username).stream().anyMatch(c -> c.getId() < callId);
    }

    private static boolean gone(Instant since, Instant goneSince) {
        return since != null && !since.isAfter(goneSince);
    }

    private List<Call> openCallsOf(String username) {
        return em.createNamedQuery(Call.FIND_OPEN_OF, Call.class).setParameter("username", username).getResultList();
    }

    private List<OpenSocket> socketsOf(String username) {
        return em.createNamedQuery(OpenSocket.FIND_OF, OpenSocket.class).setParameter("username", username)
                .getResultList();
    }

    /**
     * Serialises what concerns these people: presence before and after, and a call being placed. Taken in
     * name order, so that two transactions locking the same two people cannot wait for each other.
     */
    private void lockPeople(String... usernames) {
        Stream.of(usernames).distinct().sorted(Comparator.naturalOrder()).forEach(username ->
                em.createNativeQuery("SELECT username FROM portal_user WHERE username = ?1 FOR UPDATE")
                        .setParameter(1, username).getResultList());
    }

    /** The rows of {@code query} no other node is working on now, locked for this transaction. */
    private static <T> List<T> claim(jakarta.persistence.TypedQuery<T> query) {
        return query.setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2).getResultList();
    }

    /** Tells everyone connected, on every node, when a person's presence changed. */
    private void announce(String username, Presence before) {
        Presence now = presence(username);
        if (now != before) {
            publish(null, null, Signal.presence(username, now));
        }
    }

    private void publish(String username, String connection, Signal signal) {
        fanout.publish(username, connection, CallMessages.of(signal, calls::displayName));
    }

    private static String nodeName() {
        String name = System.getProperty("jboss.node.name");
        if (name == null) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "node";
            }
        }
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
