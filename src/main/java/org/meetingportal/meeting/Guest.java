package org.meetingportal.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * Someone from outside the company who came into one meeting through its guest link: a person of the meeting
 * like its participants, but known only by the TRTC userId the portal made for them, the name they gave and the
 * address they came from.
 */
@Entity
@Table(name = "guest")
@NamedQuery(name = Guest.FIND_ALL, query = "select g from Guest g where g.userId in :userIds")
@NamedQuery(name = Guest.FIND_BY_LINK, query = "select g from Guest g where g.linkId = :link")
public class Guest {

    public static final String FIND_ALL = "Guest.findAll";
    public static final String FIND_BY_LINK = "Guest.findByLink";

    @Id
    @Column(name = "user_id", length = 32)
    private String userId;

    @Column(name = "meeting_id", nullable = false, updatable = false)
    private long meetingId;

    @Column(name = "link_id", nullable = false, updatable = false)
    private long linkId;

    @Column(name = "display_name", nullable = false, updatable = false, length = 100)
    private String displayName;

    @Column(nullable = false, updatable = false, length = 64)
    private String address;

    @Column(name = "came_at", nullable = false, updatable = false)
    private Instant cameAt;

    protected Guest() {
    }

    public Guest(String userId, long meetingId, long linkId, String displayName, String address, Instant cameAt) {
        this.userId = Objects.requireNonNull(userId);
        this.meetingId = meetingId;
        this.linkId = linkId;
        this.displayName = Objects.requireNonNull(displayName);
        this.address = Objects.requireNonNull(address);
        this.cameAt = Objects.requireNonNull(cameAt);
    }

    public String getUserId() {
        return userId;
    }

    public long getMeetingId() {
        return meetingId;
    }

    public long getLinkId() {
        return linkId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getAddress() {
        return address;
    }

    public Instant getCameAt() {
        return cameAt;
    }
}
