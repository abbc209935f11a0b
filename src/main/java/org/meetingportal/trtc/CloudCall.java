package org.meetingportal.trtc;

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
import java.util.Objects;
import java.util.Optional;

/**
 * One thing to ask of TRTC's server API, written in the transaction that decided it and kept until the cloud
 * confirms it or the portal gives up: so a restart, a dead node or an unreachable cloud cannot lose it.
 */
@Entity
@Table(name = "cloud_call")
@NamedQuery(name = CloudCall.FIND_DUE, query = "select c.id from CloudCall c where c.doneAt is null"
        + " and c.givenUpAt is null and c.nextAt <= :now order by c.nextAt, c.id")
// A node takes a call by moving its next attempt past the time one attempt can take; of two nodes taking the
// same call, the second finds the attempt count changed and leaves it.
@NamedQuery(name = CloudCall.CLAIM, query = "update CloudCall c set c.attempts = c.attempts + 1, c.nextAt = :lease"
        + " where c.id = :id and c.attempts = :attempts and c.doneAt is null and c.givenUpAt is null")
@NamedQuery(name = CloudCall.FIND_BY_MEETING, query = "select c from CloudCall c where c.meetingId = :meeting"
        + " order by c.requestedAt, c.id")
public class CloudCall {

    public static final String FIND_DUE = "CloudCall.findDue";
    public static final String CLAIM = "CloudCall.claim";
    public static final String FIND_BY_MEETING = "CloudCall.findByMeeting";
    static final int ERROR_LENGTH = 500;

    /** What is asked of a room. */
    public enum Action {
        /** Take one person out of the room ({@code RemoveUser}). */
        REMOVE_USER,
        /** Take everyone out and close the room ({@code DismissRoom}). */
        DISMISS_ROOM
    }

    /** Where a call stands. */
    public enum State {
        PENDING,
        DONE,
        GIVEN_UP
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id", nullable = false, updatable = false)
    private long meetingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Action action;

    @Column(name = "sdk_app_id", nullable = false, updatable = false)
    private long sdkAppId;

    @Column(name = "room_id", nullable = false, updatable = false)
    private long roomId;

    @Column(name = "user_id", updatable = false, length = 64)
    private String userId;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_at", nullable = false)
    private Instant nextAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "given_up_at")
    private Instant givenUpAt;

    @Column(name = "last_error", length = ERROR_LENGTH)
    private String lastError;

    protected CloudCall() {
    }

    CloudCall(long meetingId, Action action, long sdkAppId, long roomId, String userId, Instant requestedAt) {
        if ((action == Action.REMOVE_USER) != (userId != null)) {
            throw new IllegalArgumentException("a removal names one person, a dismissal nobody");
        }
        this.meetingId = meetingId;
        this.action = Objects.requireNonNull(action);
        this.sdkAppId = sdkAppId;
        this.roomId = roomId;
        this.userId = userId;
        this.requestedAt = Objects.requireNonNull(requestedAt);
        this.nextAt = requestedAt;
    }

    void done(Instant at) {
        doneAt = at;
        lastError = null;
    }

    void failed(String error, Instant retryAt) {
        lastError = shortened(error);
        nextAt = retryAt;
    }

    void givenUp(String error, Instant at) {
        lastError = shortened(error);
        givenUpAt = at;
    }

    private static String shortened(String error) {
        return error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
    }

    public Long getId() {
        return id;
    }

    public long getMeetingId() {
        return meetingId;
    }

    public Action getAction() {
        return action;
    }

    public long getSdkAppId() {
        return sdkAppId;
    }

    public long getRoomId() {
        return roomId;
    }

    public Optional<String> getUserId() {
        return Optional.ofNullable(userId);
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Optional<String> getLastError() {
        return Optional.ofNullable(lastError);
    }

    public State getState() {
        return doneAt != null ? State.DONE : givenUpAt != null ? State.GIVEN_UP : State.PENDING;
    }
}
