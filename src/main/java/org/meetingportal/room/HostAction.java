package org.meetingportal.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One thing a host did in a meeting, for the audit: written in the transaction that did it, once. */
@Entity
@Table(name = "host_action")
// The admissions one "admit all" made (by that host, at that moment), as rows of their own at once.
@NamedNativeQuery(name = HostAction.RECORD_ADMISSIONS, query = "INSERT INTO host_action (meeting_id, actor, subject,"
        + " action, acted_at) SELECT meeting_id, decided_by, username, 'ADMIT', decided_at FROM lobby_entry"
        + " WHERE decided_by = ?1 AND decided_at = ?2 AND meeting_id = ?3 AND decision = 'ADMITTED'")
// Optional filters: a meeting (-1 for any) and a person who acted or was acted on ('' for anyone).
@NamedQuery(name = HostAction.FIND_NEWEST, query = "select a from HostAction a where (:meeting = -1 or a.meetingId"
        + " = :meeting) and (:person = '' or a.actor = :person or a.subject = :person) order by a.actedAt desc, a.id desc")
public class HostAction {

    public static final String FIND_NEWEST = "HostAction.findNewest";
    public static final String RECORD_ADMISSIONS = "HostAction.recordAdmissions";

    /** What a host did. */
    public enum Kind {
        ADMIT,
        DENY,
        LOCK,
        UNLOCK,
        MUTE,
        MUTE_HELD,
        STOP_VIDEO,
        STOP_VIDEO_HELD,
        STOP_SCREEN,
        STOP_SCREEN_HELD,
        MUTE_ALL,
        MUTE_ALL_HELD,
        MAKE_COHOST,
        REVOKE_COHOST,
        REMOVE,
        END,
        LOWER_HAND,
        CLOSE_CHAT,
        OPEN_CHAT,
        GUEST_LINK;

        /** Stopping what someone sends; "held" when they may not start it again. */
        static Kind stopping(Medium medium, boolean mayResume) {
            return switch (medium) {
                case AUDIO -> mayResume ? MUTE : MUTE_HELD;
                case VIDEO -> mayResume ? STOP_VIDEO : STOP_VIDEO_HELD;
                case SCREEN -> mayResume ? STOP_SCREEN : STOP_SCREEN_HELD;
            };
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id", nullable = false, updatable = false)
    private long meetingId;

    @Column(nullable = false, updatable = false, length = 32)
    private String actor;

    @Column(updatable = false, length = 32)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private Kind action;

    @Column(name = "acted_at", nullable = false, updatable = false)
    private Instant actedAt;

    protected HostAction() {
    }

    HostAction(long meetingId, String actor, String subject, Kind action, Instant actedAt) {
        this.meetingId = meetingId;
        this.actor = Objects.requireNonNull(actor);
        this.subject = subject;
        this.action = Objects.requireNonNull(action);
        this.actedAt = Objects.requireNonNull(actedAt);
    }

    public long getMeetingId() {
        return meetingId;
    }

    public String getActor() {
        return actor;
    }

    public String getSubject() {
        return subject;
    }

    public Kind getAction() {
        return action;
    }

    public Instant getActedAt() {
        return actedAt;
    }
}
