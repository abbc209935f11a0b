package org.meetingportal.room;

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

/**
 * A person at a meeting's door: let in at once when it was open (no decider), or waiting, and what a host
 * decided. One per person and meeting: who was in stays in when a host locks it, and a denied person stays
 * denied.
 */
@Entity
@Table(name = "lobby_entry")
@NamedQuery(name = LobbyEntry.FIND, query = "select e from LobbyEntry e where e.meetingId = :meeting"
        + " and e.username = :username")
@NamedQuery(name = LobbyEntry.FIND_WAITING, query = "select e from LobbyEntry e where e.meetingId = :meeting"
        + " and e.decision = org.meetingportal.room.LobbyDecision.WAITING order by e.since, e.id")
// Only a waiting entry is decided: of two hosts deciding at once, one changes a row and the other none.
@NamedQuery(name = LobbyEntry.DECIDE, query = "update LobbyEntry e set e.decision = :decision, e.decidedBy = :host,"
        + " e.decidedAt = :now where e.meetingId = :meeting and e.username in :usernames"
        + " and e.decision = org.meetingportal.room.LobbyDecision.WAITING")
// Removing once more changes no row, so the audit records one removal.
@NamedQuery(name = LobbyEntry.REMOVE, query = "update LobbyEntry e set e.decision = org.meetingportal.room.LobbyDecision"
        + ".REMOVED, e.decidedBy = :host, e.decidedAt = :now where e.meetingId = :meeting and e.username = :username"
        + " and e.decision <> org.meetingportal.room.LobbyDecision.REMOVED")
@NamedQuery(name = LobbyEntry.FIND_DECIDED, query = "select e from LobbyEntry e where e.meetingId = :meeting"
        + " and e.decidedBy = :host and e.decidedAt = :now")
@NamedQuery(name = LobbyEntry.FIND_USERNAMES, query = "select e.username from LobbyEntry e where e.meetingId = :meeting")
public class LobbyEntry {

    public static final String FIND = "LobbyEntry.find";
    public static final String FIND_DECIDED = "LobbyEntry.findDecided";
    public static final String FIND_USERNAMES = "LobbyEntry.findUsernames";
    public static final String FIND_WAITING = "LobbyEntry.findWaiting";
    public static final String DECIDE = "LobbyEntry.decide";
    public static final String REMOVE = "LobbyEntry.remove";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id", nullable = false, updatable = false)
    private long meetingId;

    @Column(nullable = false, updatable = false, length = 32)
    private String username;

    @Column(nullable = false, updatable = false)
    private Instant since;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private LobbyDecision decision;

    @Column(name = "decided_by", length = 32)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected LobbyEntry() {
    }

    LobbyEntry(long meetingId, String username, Instant since, LobbyDecision decision) {
        this.meetingId = meetingId;
        this.username = Objects.requireNonNull(username);
        this.since = Objects.requireNonNull(since);
        this.decision = Objects.requireNonNull(decision);
    }

    public String getUsername() {
        return username;
    }

    public Instant getSince() {
        return since;
    }

    public LobbyDecision getDecision() {
        return decision;
    }
}
