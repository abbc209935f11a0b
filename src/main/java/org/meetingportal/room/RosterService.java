package org.meetingportal.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountRules;
import org.meetingportal.account.AccountService;
import org.meetingportal.account.Role;
import org.meetingportal.call.PageClosed;
import org.meetingportal.call.PageMessage;
import org.meetingportal.meeting.Admission;
import org.meetingportal.meeting.Meeting;
import org.meetingportal.meeting.MeetingPhase;
import org.meetingportal.meeting.MeetingService;
import org.meetingportal.platform.DomainException;

/**
 * Who is in a meeting's room now, from the portal's own channel: each page in the room announces itself and
 * what it sends on its call socket ({@code room-presence}, again every {@link #REPEAT}), and leaves with
 * {@code room-leave} or by closing. Only a person the door lets in counts. Every change is signalled to the
 * meeting's people, whichever node their pages are on.
 */
@ApplicationScoped
@Transactional
public class RosterService {

    /** How often a page in the room repeats its announcement (the page's own constant is the same). */
    static final Duration REPEAT = Duration.ofSeconds(20);
    /** A page not heard from for this long is gone: its node died, or it lost its socket. */
    static final Duration HEARD_WITHIN = REPEAT.multipliedBy(3);
    static final String PRESENCE = "room-presence";
    static final String LEAVE = "room-leave";

    private static final Logger LOG = Logger.getLogger(RosterService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MeetingService meetings;

    @Inject
    PeopleNames peopleNames;

    @Inject
    RoomService room;

    @Inject
    RoomSignals signals;

    @Inject
    Clock clock;

    void pageMessage(@Observes PageMessage page) {
        JsonObject message = page.message();
        JsonValue meeting = message.get("meeting");
        if (!(meeting instanceof JsonNumber number) || !number.isIntegral()) {
            return;
        }
        long meetingId = number.longValue();
        switch (message.getString("type", "")) {
            case PRESENCE -> announce(page.username(), page.connection(), meetingId, new PageState(flag(message, "mic"),
                    flag(message, "camera"), flag(message, "screen"), flag(message, "hand")));
            case LEAVE -> leave(page.connection(), meetingId);
            default -> LOG.fine(() -> "an unknown room message from " + page.username());
        }
    }

    void pageClosed(@Observes PageClosed page) {
        List<Long> meetingIds = em.createNamedQuery(RoomPresence.FIND_MEETINGS_OF_CONNECTION, Long.class)
                .setParameter("connection", page.connection()).getResultList();
        if (!meetingIds.isEmpty()) {
            em.createNamedQuery(RoomPresence.DELETE_CONNECTION).setParameter("connection", page.connection())
                    .setParameter("meeting", -1L).executeUpdate();
            meetingIds.forEach(id -> signals.toEveryone(id, RoomSignals.ROSTER));
        }
    }

    private static boolean flag(JsonObject message, String name) {
        return message.get(name) == JsonValue.TRUE;
    }

    private void announce(String username, String connection, long meetingId, PageState state) {
        Optional<Account> person = peopleNames.person(username);
        if (person.isEmpty() || !isIn(meetingId, person.get())) {
            return;
        }
        Instant now = clock.instant();
        RoomPresence presence = em.createNamedQuery(RoomPresence.FIND, RoomPresence.class)
                .setParameter("meeting", meetingId).setParameter("connection", connection).getResultList().stream()
                .findFirst().orElse(null);
        boolean changed = presence == null;
        if (presence == null) {
            presence = new RoomPresence(meetingId, username, connection, now);
            em.persist(presence);
        }
        changed |= presence.announce(state, now);
        changed |= em.createNamedQuery(RoomPresence.DELETE_UNHEARD).setParameter("meeting", meetingId)
                .setParameter("since", now.minus(HEARD_WITHIN)).executeUpdate() > 0;
        if (changed) {
            signals.toEveryone(meetingId, RoomSignals.ROSTER);
        }
    }

    /** Whether the door lets this person into the running meeting now. */
    private boolean isIn(long meetingId, Account person) {
        try {
            Admission admission = meetings.admission(meetingId, person);
            return admission.state() == MeetingPhase.OPEN && room.isIn(admission, person.username());
        } catch (DomainException notTheirs) {
            return false;
        }
    }

    private void leave(String connection, long meetingId) {
        if (em.createNamedQuery(RoomPresence.DELETE_CONNECTION).setParameter("connection", connection)
                .setParameter("meeting", meetingId).executeUpdate() > 0) {
            signals.toEveryone(meetingId, RoomSignals.ROSTER);
        }
    }

    /**
     * Who is in the room now, hosts and co-hosts first, then raised hands in the order they went up, then in
     * the order people came; for the meeting's people who may enter it, and for admins.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RosterEntry> roster(long meetingId, Account viewer) {
        if (viewer.role() == Role.ADMIN) {
            meetings.find(meetingId, viewer);
        } else if (viewer.isGuest()) {
            // Someone from outside learns who is in only once a host let them in.
            room.requireReader(meetingId, viewer);
        } else {
            room.notTurnedAway(meetings.admission(meetingId, viewer), viewer.username());
        }
        Set<String> hosts = Set.copyOf(em.createNamedQuery(Meeting.FIND_HOSTS, String.class).setParameter("id", meetingId)
                .getResultList());
        Set<String> coHosts = Set.copyOf(room.coHosts(meetingId));
        Map<String, RosterEntry> people = new LinkedHashMap<>();
        List<RoomPresence> pages = em.createNamedQuery(RoomPresence.FIND_PRESENT, RoomPresence.class)
                .setParameter("meeting", meetingId).setParameter("since", clock.instant().minus(HEARD_WITHIN))
                .getResultList();
        Map<String, String> names = peopleNames.of(pages.stream().map(RoomPresence::getUsername).distinct().toList());
        for (RoomPresence page : pages) {
            String name = names.get(page.getUsername());
            RosterEntry entry = new RosterEntry(page.getUsername(), name,
                    hosts.contains(page.getUsername()) ? "HOST" : coHosts.contains(page.getUsername()) ? "COHOST"
                            : "ATTENDEE", page.isMicOn(), page.isCameraOn(),
                    page.isSharingScreen(), page.getHandRaisedAt().orElse(null), page.getEnteredAt(),
                    AccountRules.isGuest(page.getUsername()));
            people.merge(page.getUsername(), entry, RosterService::together);
        }
        return people.values().stream().sorted(Comparator.comparing((RosterEntry e) -> e.role().equals("ATTENDEE"))
                .thenComparing(e -> e.handRaisedAt() == null)
                .thenComparing(e -> e.handRaisedAt() == null ? e.since() : e.handRaisedAt())).toList();
    }

    /** One person with two pages in the room: what either sends, the first raised hand, the first arrival. */
    private static RosterEntry together(RosterEntry a, RosterEntry b) {
        Instant hand = a.handRaisedAt() == null ? b.handRaisedAt()
                : b.handRaisedAt() == null || a.handRaisedAt().isBefore(b.handRaisedAt()) ? a.handRaisedAt() : b.handRaisedAt();
        return new RosterEntry(a.userId(), a.displayName(), a.role(), a.micOn() || b.micOn(), a.cameraOn() || b.cameraOn(),
                a.sharingScreen() || b.sharingScreen(), hand, a.since().isBefore(b.since()) ? a.since() : b.since(),
                a.guest());
    }
}
