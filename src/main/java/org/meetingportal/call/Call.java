package org.meetingportal.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** The record of one call: who called whom, with what, how it went, in which TRTC room. */
@Entity
@Table(name = "phone_call")
@NamedQuery(name = Call.FIND_RECENT, query = "select c from Call c where c.caller = :username or c.callee = :username"
        + " order by c.startedAt desc, c.id desc")
@NamedQuery(name = Call.COUNT_MISSED, query = "select count(c) from Call c where c.callee = :username"
        + " and c.state = org.meetingportal.call.CallState.MISSED and c.startedAt > :since")
@NamedQuery(name = Call.FIND_OPEN, query = "select c from Call c where c.state in"
        + " (org.meetingportal.call.CallState.RINGING, org.meetingportal.call.CallState.ACCEPTED)")
@NamedQuery(name = Call.FIND_OPEN_OF, query = "select c from Call c where (c.caller = :username or c.callee = :username)"
        + " and c.state in (org.meetingportal.call.CallState.RINGING, org.meetingportal.call.CallState.ACCEPTED)"
        + " order by c.id")
@NamedQuery(name = Call.COUNT_PLACED_BY, query = "select count(c) from Call c where c.caller = :username"
        + " and c.startedAt > :since")
public class Call {

    public static final String FIND_RECENT = "Call.findRecent";
    public static final String COUNT_MISSED = "Call.countMissed";
    public static final String FIND_OPEN = "Call.findOpen";
    static final String FIND_OPEN_OF = "Call.findOpenOf";
    static final String COUNT_PLACED_BY = "Call.countPlacedBy";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 32)
    private String caller;

    @Column(nullable = false, length = 32)
    private String callee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Media media;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CallState state;

    @Column(name = "room_id", nullable = false)
    private long roomId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    /** Since when a party has had no page open: a shared board's (one node's board keeps it in memory). */
    @Column(name = "caller_gone_at")
    private Instant callerGoneAt;

    @Column(name = "callee_gone_at")
    private Instant calleeGoneAt;

    protected Call() {
    }

    Call(String caller, String callee, Media media, long roomId, Instant startedAt) {
        this.caller = caller;
        this.callee = callee;
        this.media = media;
        this.roomId = roomId;
        this.startedAt = startedAt;
        this.state = CallState.RINGING;
    }

    /** Moves on to {@code next}; a final state never changes again, whatever arrives late. */
    void moveTo(CallState next, Instant at) {
        if (state.isFinal()) {
            return;
        }
        state = next;
        if (next == CallState.ACCEPTED) {
            answeredAt = at;
        } else if (next.isFinal()) {
            endedAt = at;
        }
    }

    /** Notes that {@code username} has had no page open since {@code at}, or has one again ({@code null}). */
    void partyGone(String username, Instant at) {
        if (username.equals(caller)) {
            callerGoneAt = at;
        }
        if (username.equals(callee)) {
            calleeGoneAt = at;
        }
    }

    Instant callerGoneAt() {
        return callerGoneAt;
    }

    Instant calleeGoneAt() {
        return calleeGoneAt;
    }

    LiveCall live() {
        return new LiveCall(id, caller, callee, media, state, roomId);
    }

    public Long getId() {
        return id;
    }

    CallParties parties() {
        return new CallParties(caller, callee);
    }

    public String getCaller() {
        return caller;
    }

    public String getCallee() {
        return callee;
    }

    public Media getMedia() {
        return media;
    }

    public CallState getState() {
        return state;
    }

    public long getRoomId() {
        return roomId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }
}
