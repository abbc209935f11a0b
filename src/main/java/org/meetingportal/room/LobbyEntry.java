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
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

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
// A host's "mute all": every attendee let in, co-hosts aside.
@NamedQuery(name = LobbyEntry.HOLD_AUDIO, query = "update LobbyEntry e set e.audioWithheld = :held"
        + " where e.meetingId = :meeting and e.coHost = false and e.audioWithheld <> :held")
@NamedQuery(name = LobbyEntry.FIND_CO_HOSTS, query = "select e.username from LobbyEntry e where e.meetingId = :meeting"
        + " and e.coHost = true and e.decision = org.meetingportal.room.LobbyDecision.ADMITTED")
@NamedQuery(name = LobbyEntry.FIND_TURNED_AWAY, query = "select e.username from LobbyEntry e where e.meetingId = :meeting"
        + " and e.username in :usernames and e.decision in (org.meetingportal.room.LobbyDecision.DENIED,"
        + " org.meetingportal.room.LobbyDecision.REMOVED)")
@NamedQuery(name = LobbyEntry.FIND_ADMITTED_USERNAMES, query = "select e.username from LobbyEntry e"
        + " where e.meetingId = :meeting and e.decision = org.meetingportal.room.LobbyDecision.ADMITTED")
@NamedQuery(name = LobbyEntry.FIND_USERNAMES, query = "select e.username from LobbyEntry e where e.meetingId = :meeting")
public class LobbyEntry {

    public static final String FIND = "LobbyEntry.find";
    public static final String FIND_DECIDED = "LobbyEntry.findDecided";
    public static final String FIND_USERNAMES = "LobbyEntry.findUsernames";
    public static final String FIND_TURNED_AWAY = "LobbyEntry.findTurnedAway";
    public static final String FIND_ADMITTED_USERNAMES = "LobbyEntry.findAdmittedUsernames";
    public static final String FIND_WAITING = "LobbyEntry.findWaiting";
    public static final String DECIDE = "LobbyEntry.decide";
    public static final String REMOVE = "LobbyEntry.remove";
    public static final String HOLD_AUDIO = "LobbyEntry.holdAudio";
    public static final String FIND_CO_HOSTS = "LobbyEntry.findCoHosts";

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

    @Column(name = "audio_withheld", nullable = false)
    private boolean audioWithheld;

    @Column(name = "video_withheld", nullable = false)
    private boolean videoWithheld;

    @Column(name = "screen_withheld", nullable = false)
    private boolean screenWithheld;

    @Column(name = "co_host", nullable = false)
    private boolean coHost;

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

    /** Takes away or gives back what the person may send; whether that changed anything. */
    boolean withhold(Medium medium, boolean withheld) {
        boolean before = withheld().contains(medium);
        switch (medium) {
            case AUDIO -> audioWithheld = withheld;
            case VIDEO -> videoWithheld = withheld;
            case SCREEN -> screenWithheld = withheld;
        }
        return before != withheld;
    }

    /** What the person's next credentials lack. */
    Set<Medium> withheld() {
        Set<Medium> media = EnumSet.noneOf(Medium.class);
        if (audioWithheld) {
            media.add(Medium.AUDIO);
        }
        if (videoWithheld) {
            media.add(Medium.VIDEO);
        }
        if (screenWithheld) {
            media.add(Medium.SCREEN);
        }
        return media;
    }

    /** Makes the person a co-host or takes it back; whether that changed anything. */
    boolean coHost(boolean coHost) {
        boolean changed = this.coHost != coHost;
        this.coHost = coHost;
        return changed;
    }

    public boolean isCoHost() {
        return coHost;
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
