package org.meetingportal.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One page in a meeting's room, as the page itself announced it on its call socket: whose, and what it sends.
 * Written on every node, so that every node's roster is the same; a page repeats its announcement, and one not
 * heard from within {@link RosterService#HEARD_WITHIN} (its node died) no longer counts.
 */
@Entity
@Table(name = "room_presence")
@NamedQuery(name = RoomPresence.FIND, query = "select p from RoomPresence p where p.meetingId = :meeting"
        + " and p.connection = :connection")
@NamedQuery(name = RoomPresence.FIND_PRESENT, query = "select p from RoomPresence p where p.meetingId = :meeting"
        + " and p.seenAt >= :since order by p.enteredAt, p.id")
@NamedQuery(name = RoomPresence.LOWER_HAND, query = "update RoomPresence p set p.handRaisedAt = null"
        + " where p.meetingId = :meeting and p.username = :username and p.handRaisedAt is not null")
@NamedQuery(name = RoomPresence.FIND_PEOPLE, query = "select distinct p.username from RoomPresence p"
        + " where p.meetingId = :meeting")
@NamedQuery(name = RoomPresence.FIND_MEETINGS_OF_CONNECTION, query = "select distinct p.meetingId from RoomPresence p"
        + " where p.connection = :connection")
@NamedQuery(name = RoomPresence.DELETE_CONNECTION, query = "delete from RoomPresence p where p.connection = :connection"
        + " and (:meeting = -1 or p.meetingId = :meeting)")
@NamedQuery(name = RoomPresence.DELETE_PERSON, query = "delete from RoomPresence p where p.meetingId = :meeting"
        + " and (:username = '' or p.username = :username)")
@NamedQuery(name = RoomPresence.DELETE_UNHEARD, query = "delete from RoomPresence p where p.meetingId = :meeting"
        + " and p.seenAt < :since")
public class RoomPresence {

    public static final String FIND = "RoomPresence.find";
    public static final String FIND_PRESENT = "RoomPresence.findPresent";
    public static final String LOWER_HAND = "RoomPresence.lowerHand";
    public static final String FIND_PEOPLE = "RoomPresence.findPeople";
    public static final String FIND_MEETINGS_OF_CONNECTION = "RoomPresence.findMeetingsOfConnection";
    public static final String DELETE_CONNECTION = "RoomPresence.deleteConnection";
    public static final String DELETE_PERSON = "RoomPresence.deletePerson";
    public static final String DELETE_UNHEARD = "RoomPresence.deleteUnheard";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id", nullable = false, updatable = false)
    private long meetingId;

    @Column(nullable = false, updatable = false, length = 32)
    private String username;

    @Column(name = "connection_id", nullable = false, updatable = false, length = 64)
    private String connection;

    @Column(name = "mic_on", nullable = false)
    private boolean micOn;

    @Column(name = "camera_on", nullable = false)
    private boolean cameraOn;

    @Column(name = "sharing_screen", nullable = false)
    private boolean sharingScreen;

    @Column(name = "hand_raised_at")
    private Instant handRaisedAt;

    @Column(name = "entered_at", nullable = false, updatable = false)
    private Instant enteredAt;

    @Column(name = "seen_at", nullable = false)
    private Instant seenAt;

    protected RoomPresence() {
    }

    RoomPresence(long meetingId, String username, String connection, Instant now) {
        this.meetingId = meetingId;
        this.username = Objects.requireNonNull(username);
        this.connection = Objects.requireNonNull(connection);
        this.enteredAt = now;
        this.seenAt = now;
    }

    /** Takes what the page says it sends now; whether that changed anything others see. */
    boolean announce(PageState state, Instant now) {
        boolean changed = micOn != state.micOn() || cameraOn != state.cameraOn() || sharingScreen != state.sharingScreen()
                || (handRaisedAt != null) != state.handRaised();
        micOn = state.micOn();
        cameraOn = state.cameraOn();
        sharingScreen = state.sharingScreen();
        if (state.handRaised() && handRaisedAt == null) {
            handRaisedAt = now;
        } else if (!state.handRaised()) {
            handRaisedAt = null;
        }
        seenAt = now;
        return changed;
    }

    public String getUsername() {
        return username;
    }

    public boolean isMicOn() {
        return micOn;
    }

    public boolean isCameraOn() {
        return cameraOn;
    }

    public boolean isSharingScreen() {
        return sharingScreen;
    }

    public Optional<Instant> getHandRaisedAt() {
        return Optional.ofNullable(handRaisedAt);
    }

    public Instant getEnteredAt() {
        return enteredAt;
    }

    public Instant getSeenAt() {
        return seenAt;
    }
}
