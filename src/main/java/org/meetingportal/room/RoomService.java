package org.meetingportal.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountRules;
import org.meetingportal.account.AccountService;
import org.meetingportal.account.AdminOnly;
import org.meetingportal.account.Role;
import org.meetingportal.meeting.Admission;
import org.meetingportal.meeting.Meeting;
import org.meetingportal.meeting.MeetingPhase;
import org.meetingportal.meeting.MeetingService;
import org.meetingportal.meeting.ParticipantRole;
import org.meetingportal.platform.DomainException;
import org.meetingportal.trtc.CloudCall;
import org.meetingportal.trtc.CloudCallService;

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

    @Inject
    PeopleNames peopleNames;

    @Inject
    AdminOnly admins;

    @Inject
    CloudCallService cloud;

    /** Asked before every credential of a meeting, after the meeting has said the person belongs in it. */
    public Entrance enter(Admission admission, Account person) {
        if (admission.role() == ParticipantRole.HOST) {
            if (!admission.door().hostEntered()) {
                em.createNamedQuery(Meeting.MARK_HOST_ENTERED).setParameter(1, clock.instant())
                        .setParameter(2, admission.meetingId()).executeUpdate();
            }
            return Entrance.of(Entrance.Kind.IN);
        }
        Optional<LobbyEntry> found = find(admission.meetingId(), person.username());
        // Through an open door the person is in, and stays in should a host lock it later.
        LobbyEntry entry = found.isPresent() ? found.get()
                : ask(admission.meetingId(), person.username(), !admission.mustBeAdmitted());
        Entrance.Kind kind = switch (entry.getDecision()) {
            case DENIED -> Entrance.Kind.DENIED;
            case REMOVED -> Entrance.Kind.REMOVED;
            case WAITING -> Entrance.Kind.WAITING;
            case ADMITTED -> admission.mustAwaitHost() ? Entrance.Kind.WAITING_FOR_HOST : Entrance.Kind.IN;
        };
        return new Entrance(kind, entry.isCoHost() ? Set.of() : entry.withheld(), entry.isCoHost());
    }

    /** Whether the door lets this person in now, as {@link #enter} would, without knocking. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isIn(Admission admission, String username) {
        if (admission.role() == ParticipantRole.HOST) {
            return true;
        }
        return find(admission.meetingId(), username).map(LobbyEntry::getDecision).orElse(null) == LobbyDecision.ADMITTED
                && !admission.mustAwaitHost();
    }

    /**
     * The person as a member of the running meeting's room: refused when the meeting is not running, or when
     * the door does not let them in now.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RoomMember member(long meetingId, Account person) {
        Admission admission = meetings.admission(meetingId, person);
        if (admission.state() != MeetingPhase.OPEN) {
            throw new DomainException(DomainException.Kind.CONFLICT, "room.closed");
        }
        if (!isIn(admission, person.username())) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "room.notIn");
        }
        return new RoomMember(meetingId, person.username(), person.displayName(),
                admission.role() == ParticipantRole.HOST || isCoHost(meetingId, person.username()));
    }

    /**
     * Refuses anyone who may not read what was said in the room, during the meeting or after it: admins may,
     * and so may the people the meeting names and those a host let in, unless a host turned them away.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireReader(long meetingId, Account viewer) {
        if (viewer.role() == Role.ADMIN) {
            meetings.find(meetingId, viewer);
            return;
        }
        Admission admission = meetings.admission(meetingId, viewer);
        notTurnedAway(admission, viewer.username());
        boolean named = em.createNamedQuery(Meeting.FIND_PEOPLE, String.class).setParameter("id", meetingId)
                .getResultList().contains(viewer.username());
        if (!named && find(meetingId, viewer.username()).map(LobbyEntry::getDecision).orElse(null) != LobbyDecision.ADMITTED) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "room.notIn");
        }
    }

    /** Refuses a person a host turned away (denied or removed): they see nothing more of the room. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void notTurnedAway(Admission admission, String username) {
        LobbyDecision decision = find(admission.meetingId(), username).map(LobbyEntry::getDecision).orElse(null);
        if (decision == LobbyDecision.DENIED || decision == LobbyDecision.REMOVED) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "room.turnedAway");
        }
    }

    /**
     * The person's entry at the door, made once however many of their pages ask at the same moment: let in
     * at once, or waiting for a host.
     */
    private LobbyEntry ask(long meetingId, String username, boolean letIn) {
        Meeting meeting = em.find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        return find(meetingId, username).orElseGet(() -> {
            LobbyEntry created = new LobbyEntry(meetingId, username, clock.instant(),
                    letIn ? LobbyDecision.ADMITTED : LobbyDecision.WAITING);
            // Who comes after a host's "mute all, and attendees may not unmute" is held to it too.
            created.withhold(Medium.AUDIO, meeting.isAttendeesMuted());
            em.persist(created);
            if (!letIn) {
                signals.toHosts(meetingId, RoomSignals.WAITING);
            }
            return created;
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Waiting> lobby(long meetingId, Account host) {
        asHost(meetingId, host);
        List<LobbyEntry> waiting = em.createNamedQuery(LobbyEntry.FIND_WAITING, LobbyEntry.class)
                .setParameter("meeting", meetingId).getResultList();
        Map<String, String> names = peopleNames.of(waiting.stream().map(LobbyEntry::getUsername).toList());
        return waiting.stream().map(e -> new Waiting(e.getUsername(), names.get(e.getUsername()), e.getSince(),
                AccountRules.isGuest(e.getUsername()))).toList();
    }

    /**
     * Lets one waiting person in, or keeps them out for good. Deciding again the same way changes nothing
     * and answers the same; deciding the other way after the first is a conflict.
     */
    public LobbyDecision decide(long meetingId, String username, LobbyDecision decision, Account host) {
        if (decision == LobbyDecision.WAITING) {
            throw new IllegalArgumentException("a host admits or denies");
        }
        asHost(meetingId, host);
        LobbyEntry entry = find(meetingId, username).orElseThrow(DomainException::notFound);
        int changed = em.createNamedQuery(LobbyEntry.DECIDE).setParameter("decision", decision)
                .setParameter("host", host.username()).setParameter("now", clock.instant())
                .setParameter("meeting", meetingId).setParameter("usernames", List.of(username)).executeUpdate();
        em.refresh(entry);
        if (entry.getDecision() != decision) {
            throw new DomainException(DomainException.Kind.CONFLICT, "lobby.decidedOtherwise");
        }
        if (changed > 0) {
            em.persist(new HostAction(meetingId, host.username(), username,
                    decision == LobbyDecision.ADMITTED ? HostAction.Kind.ADMIT : HostAction.Kind.DENY, clock.instant()));
            signals.toPerson(meetingId, username, decision.name().toLowerCase(Locale.ROOT));
            signals.toHosts(meetingId, RoomSignals.LOBBY);
        }
        return decision;
    }

    /** Lets in everyone waiting now; returns how many. */
    public int admitAll(long meetingId, Account host) {
        asHost(meetingId, host);
        List<String> waiting = em.createNamedQuery(LobbyEntry.FIND_WAITING, LobbyEntry.class)
                .setParameter("meeting", meetingId).getResultList().stream().map(LobbyEntry::getUsername).toList();
        if (waiting.isEmpty()) {
            return 0;
        }
        // As the database keeps it: the same moment then finds exactly the entries this call decided.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int admitted = em.createNamedQuery(LobbyEntry.DECIDE).setParameter("decision", LobbyDecision.ADMITTED)
                .setParameter("host", host.username()).setParameter("now", now)
                .setParameter("meeting", meetingId).setParameter("usernames", waiting).executeUpdate();
        // One statement for the audit rows: Payara's statement cache hands Hibernate the same insert twice in a
        // transaction, which it refuses for generated keys.
        em.createNamedQuery(HostAction.RECORD_ADMISSIONS).setParameter(1, host.username()).setParameter(2, now)
                .setParameter(3, meetingId).executeUpdate();
        // Those another host decided about meanwhile heard it from that host's decision.
        String event = LobbyDecision.ADMITTED.name().toLowerCase(Locale.ROOT);
        em.createNamedQuery(LobbyEntry.FIND_DECIDED, LobbyEntry.class).setParameter("meeting", meetingId)
                .setParameter("host", host.username()).setParameter("now", now).getResultList()
                .forEach(e -> signals.toPerson(meetingId, e.getUsername(), event));
        signals.toHosts(meetingId, RoomSignals.LOBBY);
        return admitted;
    }

    /**
     * Ends a running meeting for everyone, at once: from then on it is {@code ENDED}, every credential call
     * answers so, and every page leaves. Ending one that has ended changes nothing and answers the same.
     *
     * @return when it ended
     */
    public Instant end(long meetingId, Account host) {
        Admission admission = asHost(meetingId, host);
        // Two hosts ending at once: the second waits here and finds it ended.
        Meeting meeting = em.find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (meeting.getEndedAt().isPresent()) {
            return meeting.getEndedAt().get();
        }
        if (admission.state() == MeetingPhase.ENDED) {
            return meeting.getEndsAt();
        }
        if (admission.state() != MeetingPhase.OPEN) {
            throw new DomainException(DomainException.Kind.CONFLICT, "room.notRunning");
        }
        // As the database keeps it, so that this answer and a later one name the same moment.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        meeting.endForAll(now);
        em.persist(new HostAction(meetingId, host.username(), null, HostAction.Kind.END, now));
        signals.toEveryoneAtTheDoor(meetingId, RoomSignals.ENDED);
        em.createNamedQuery(RoomPresence.DELETE_PERSON).setParameter("meeting", meetingId).setParameter("username", "")
                .executeUpdate();
        cloud.request(meetingId, CloudCall.Action.DISMISS_ROOM, admission.roomId(), null);
        return now;
    }

    /**
     * Takes a person out of a meeting for good: their pages leave, every later credential for it is refused,
     * and TRTC is asked to take them out of the room. Hosts stay; removing again changes nothing.
     *
     * @return whether TRTC is asked too (not without a Tencent Cloud account)
     */
    public Removal remove(long meetingId, String username, Account host) {
        Admission admission = asHost(meetingId, host);
        if (admission.state() == MeetingPhase.ENDED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "room.over");
        }
        // The same lock as a first knock at the door, so that a removal and an entry do not both make a row.
        em.find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        List<String> named = em.createNamedQuery(Meeting.FIND_PEOPLE, String.class).setParameter("id", meetingId)
                .getResultList();
        Optional<LobbyEntry> entry = find(meetingId, username);
        if (entry.isEmpty() && !named.contains(username)) {
            throw DomainException.notFound();
        }
        if (isNamedHost(meetingId, username)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "room.hostsStay");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (entry.isEmpty()) {
            em.persist(new LobbyEntry(meetingId, username, now, LobbyDecision.WAITING));
            em.flush();
        }
        int changed = em.createNamedQuery(LobbyEntry.REMOVE).setParameter("host", host.username())
                .setParameter("now", now).setParameter("meeting", meetingId).setParameter("username", username)
                .executeUpdate();
        boolean cloudAsked = false;
        if (changed > 0) {
            em.persist(new HostAction(meetingId, host.username(), username, HostAction.Kind.REMOVE, now));
            signals.toPerson(meetingId, username, RoomSignals.REMOVED);
            signals.toHosts(meetingId, RoomSignals.LOBBY);
            em.createNamedQuery(RoomPresence.DELETE_PERSON).setParameter("meeting", meetingId)
                    .setParameter("username", username).executeUpdate();
            signals.toEveryone(meetingId, RoomSignals.ROSTER);
            cloudAsked = cloud.request(meetingId, CloudCall.Action.REMOVE_USER, admission.roomId(), username);
        }
        return new Removal(meetingId, username, changed > 0, cloudAsked);
    }

    /** The calls to Tencent Cloud this meeting's hosts made, for them to see which are not confirmed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CloudCall> cloudCalls(long meetingId, Account host) {
        asHost(meetingId, host);
        return cloud.calls(meetingId);
    }

    /**
     * Locks a running meeting, so that anyone new waits for a host's yes whatever its waiting room, or
     * unlocks it; who is in stays in. Locking a locked meeting changes nothing.
     */
    public boolean lock(long meetingId, boolean locked, Account host) {
        Admission admission = asHost(meetingId, host);
        if (admission.state() != MeetingPhase.OPEN) {
            throw new DomainException(DomainException.Kind.CONFLICT, "room.closed");
        }
        Meeting meeting = em.find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (meeting.isLocked() != locked) {
            meeting.lock(locked);
            em.persist(new HostAction(meetingId, host.username(), null,
                    locked ? HostAction.Kind.LOCK : HostAction.Kind.UNLOCK, clock.instant()));
            signals.toHosts(meetingId, RoomSignals.LOBBY);
        }
        return locked;
    }

    /**
     * Closes the room's chat to attendees, or opens it again; hosts and co-hosts always write. Closing a
     * closed chat changes nothing.
     */
    public boolean closeChat(long meetingId, boolean closed, Account host) {
        Admission admission = asHost(meetingId, host);
        if (admission.state() == MeetingPhase.ENDED || admission.state() == MeetingPhase.CANCELLED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "room.closed");
        }
        Meeting meeting = em.find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (meeting.isChatClosed() != closed) {
            meeting.closeChat(closed);
            em.persist(new HostAction(meetingId, host.username(), null,
                    closed ? HostAction.Kind.CLOSE_CHAT : HostAction.Kind.OPEN_CHAT, clock.instant()));
            signals.toEveryone(meetingId, RoomSignals.CHAT_SETTINGS,
                    Json.createObjectBuilder().add("closed", closed).build());
        }
        return closed;
    }

    /** Lowers someone's raised hand in the room: on the roster of every page, and on their own pages. */
    public void lowerHand(long meetingId, String username, Account host) {
        Admission admission = asHost(meetingId, host);
        if (admission.state() != MeetingPhase.OPEN) {
            throw new DomainException(DomainException.Kind.CONFLICT, "room.closed");
        }
        if (em.createNamedQuery(RoomPresence.LOWER_HAND).setParameter("meeting", meetingId)
                .setParameter("username", username).executeUpdate() == 0) {
            throw DomainException.notFound();
        }
        em.persist(new HostAction(meetingId, host.username(), username, HostAction.Kind.LOWER_HAND, clock.instant()));
        signals.toPerson(meetingId, username, RoomSignals.LOWER_HAND);
        signals.toEveryone(meetingId, RoomSignals.ROSTER);
    }

    /** The newest things hosts did, for admins: in one meeting or any, by or to one person or anyone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HostAction> hostActions(Long meetingId, String person, int max) {
        admins.require();
        return em.createNamedQuery(HostAction.FIND_NEWEST, HostAction.class)
                .setParameter("meeting", meetingId == null ? -1L : meetingId)
                .setParameter("person", person == null ? "" : person.strip()).setMaxResults(max).getResultList();
    }

    /** Refuses anyone but a host or co-host of the meeting. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Admission requireHost(long meetingId, Account person) {
        return asHost(meetingId, person);
    }

    /** For the audit: a host made the meeting a new guest link. */
    public void recordGuestLink(long meetingId, Account host) {
        em.persist(new HostAction(meetingId, host.username(), null, HostAction.Kind.GUEST_LINK, clock.instant()));
    }

    /** Whether a host denied or removed any of these people: a guest who was turned away stays away. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean anyTurnedAway(long meetingId, Collection<String> userIds) {
        return !userIds.isEmpty() && em.createNamedQuery(LobbyEntry.FIND_TURNED_AWAY, String.class)
                .setParameter("meeting", meetingId).setParameter("usernames", userIds).setMaxResults(1)
                .getResultList().size() > 0;
    }

    /** Only a host of the meeting runs it: others who see it are refused, others get "not found". */
    private Admission asHost(long meetingId, Account person) {
        Admission admission = meetings.admission(meetingId, person);
        if (admission.role() != ParticipantRole.HOST && !isCoHost(meetingId, person.username())) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "room.hostsOnly");
        }
        return admission;
    }

    /** Only a host the meeting names makes or unmakes co-hosts. */
    private Admission asNamedHost(long meetingId, Account person) {
        Admission admission = meetings.admission(meetingId, person);
        if (admission.role() != ParticipantRole.HOST) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "room.namedHostsOnly");
        }
        return admission;
    }

    private boolean isNamedHost(long meetingId, String username) {
        return em.createNamedQuery(Meeting.FIND_HOSTS, String.class).setParameter("id", meetingId).getResultList()
                .contains(username);
    }

    private boolean isCoHost(long meetingId, String username) {
        return find(meetingId, username).filter(e -> e.getDecision() == LobbyDecision.ADMITTED)
                .map(LobbyEntry::isCoHost).orElse(false);
    }

    /**
     * The entry of someone a host acts on while the meeting runs: in the room's door records as let in, and no
     * host or co-host (those are not stopped by another). Locks the meeting, so that host actions on it take turns.
     */
    private LobbyEntry attendeeInTheRoom(Admission admission, String username) {
        if (admission.state() != MeetingPhase.OPEN) {
            throw new DomainException(DomainException.Kind.CONFLICT, "room.closed");
        }
        em.find(Meeting.class, admission.meetingId(), LockModeType.PESSIMISTIC_WRITE);
        if (isNamedHost(admission.meetingId(), username)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "room.hostsExempt");
        }
        LobbyEntry entry = find(admission.meetingId(), username).filter(e -> e.getDecision() == LobbyDecision.ADMITTED)
                .orElseThrow(DomainException::notFound);
        if (entry.isCoHost()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "room.hostsExempt");
        }
        return entry;
    }

    /**
     * Turns off what one attendee sends: their pages stop it at once. With {@code mayResume} false their next
     * credentials lack it too, switched at once, until a host stops it again with {@code mayResume} true.
     *
     * @return whether what they may send changed
     */
    public boolean stop(long meetingId, String username, Medium medium, boolean mayResume, Account host) {
        Admission admission = asHost(meetingId, host);
        LobbyEntry entry = attendeeInTheRoom(admission, username);
        boolean changed = entry.withhold(medium, !mayResume);
        em.persist(new HostAction(meetingId, host.username(), username, HostAction.Kind.stopping(medium, mayResume),
                clock.instant()));
        signals.toPerson(meetingId, username, RoomSignals.stop(medium));
        if (changed) {
            signals.toPerson(meetingId, username, RoomSignals.PRIVILEGES);
        }
        return changed;
    }

    /**
     * Mutes every attendee at once; with {@code mayUnmute} false none of them, nor anyone who comes later, may
     * unmute until a host mutes all again with it true. Hosts and co-hosts are not muted.
     */
    public void muteAll(long meetingId, boolean mayUnmute, Account host) {
        Admission admission = asHost(meetingId, host);
        if (admission.state() != MeetingPhase.OPEN) {
            throw new DomainException(DomainException.Kind.CONFLICT, "room.closed");
        }
        Meeting meeting = em.find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        boolean changed = meeting.isAttendeesMuted() == mayUnmute;
        meeting.muteAttendees(!mayUnmute);
        changed |= em.createNamedQuery(LobbyEntry.HOLD_AUDIO).setParameter("held", !mayUnmute)
                .setParameter("meeting", meetingId).executeUpdate() > 0;
        em.persist(new HostAction(meetingId, host.username(), null,
                mayUnmute ? HostAction.Kind.MUTE_ALL : HostAction.Kind.MUTE_ALL_HELD, clock.instant()));
        signals.toEveryone(meetingId, RoomSignals.MUTE_ALL);
        if (changed) {
            signals.toEveryone(meetingId, RoomSignals.PRIVILEGES);
        }
    }

    /** Makes someone in the room a co-host (every right, and the hosts' controls), or takes it back. */
    public boolean coHost(long meetingId, String username, boolean coHost, Account host) {
        Admission admission = asNamedHost(meetingId, host);
        if (admission.state() != MeetingPhase.OPEN) {
            throw new DomainException(DomainException.Kind.CONFLICT, "room.closed");
        }
        em.find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (isNamedHost(meetingId, username)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "room.hostsExempt");
        }
        if (coHost && AccountRules.isGuest(username)) {
            // Running the room takes someone the company knows.
            throw new DomainException(DomainException.Kind.CONFLICT, "room.guestNoCoHost");
        }
        LobbyEntry entry = find(meetingId, username).filter(e -> e.getDecision() == LobbyDecision.ADMITTED)
                .orElseThrow(DomainException::notFound);
        if (entry.coHost(coHost)) {
            em.persist(new HostAction(meetingId, host.username(), username,
                    coHost ? HostAction.Kind.MAKE_COHOST : HostAction.Kind.REVOKE_COHOST, clock.instant()));
            signals.toPerson(meetingId, username, RoomSignals.PRIVILEGES);
            signals.toEveryone(meetingId, RoomSignals.ROSTER);
        }
        return coHost;
    }

    /** The co-hosts of a meeting, for its roster. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> coHosts(long meetingId) {
        return em.createNamedQuery(LobbyEntry.FIND_CO_HOSTS, String.class).setParameter("meeting", meetingId)
                .getResultList();
    }

    private Optional<LobbyEntry> find(long meetingId, String username) {
        return em.createNamedQuery(LobbyEntry.FIND, LobbyEntry.class).setParameter("meeting", meetingId)
                .setParameter("username", username).getResultList().stream().findFirst();
    }
}
