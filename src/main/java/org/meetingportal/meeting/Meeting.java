package org.meetingportal.meeting;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A scheduled TRTC room: when, who as what, with which rights. The room number is given once and kept
 * through every edit; cancelling keeps the record. {@code sequence} counts the changes people's calendars
 * must hear about.
 */
@Entity
@Table(name = "meeting")
// "Visible" means: everyone (for admins' API view), or open to all employees, or naming the viewer.
// A meeting a host ended for everyone is over, whatever its planned end.
@NamedQuery(name = Meeting.FIND_VISIBLE_ENDING_AFTER, query = "select m from Meeting m where m.endsAt > :now and "
        + Meeting.NOT_ENDED + " and " + Meeting.VISIBLE + " and " + Meeting.TITLED + " order by m.startsAt, m.id")
@NamedQuery(name = Meeting.COUNT_VISIBLE_ENDING_AFTER, query = "select count(m) from Meeting m where m.endsAt > :now and "
        + Meeting.NOT_ENDED + " and " + Meeting.VISIBLE + " and " + Meeting.TITLED)
@NamedQuery(name = Meeting.FIND_VISIBLE_ENDED_BY, query = "select m from Meeting m where (m.endsAt <= :now or "
        + Meeting.ENDED_EARLY + ") and " + Meeting.VISIBLE + " and " + Meeting.TITLED
        + " order by m.startsAt desc, m.id desc")
@NamedQuery(name = Meeting.COUNT_VISIBLE_ENDED_BY, query = "select count(m) from Meeting m where (m.endsAt <= :now or "
        + Meeting.ENDED_EARLY + ") and " + Meeting.VISIBLE + " and " + Meeting.TITLED)
@NamedQuery(name = Meeting.FIND_VISIBLE_BETWEEN, query = "select m from Meeting m where m.startsAt < :to and m.endsAt > :from"
        + " and " + Meeting.VISIBLE + " order by m.startsAt, m.id")
@NamedQuery(name = Meeting.FIND_PARTICIPANTS, query = "select m.id, p.username, p.role from Meeting m"
        + " join m.participants p where m.id in :ids")
@NamedQuery(name = Meeting.SEARCH, query = "select m from Meeting m where " + Meeting.FILTER
        + " order by m.startsAt desc, m.id desc")
@NamedQuery(name = Meeting.COUNT_SEARCH, query = "select count(m) from Meeting m where " + Meeting.FILTER)
@NamedQuery(name = Meeting.FIND_PEOPLE, query = "select p.username from Meeting m join m.participants p"
        + " where m.id = :id")
@NamedQuery(name = Meeting.FIND_HOSTS, query = "select p.username from Meeting m join m.participants p"
        + " where m.id = :id and p.role = org.meetingportal.meeting.ParticipantRole.HOST")
@NamedQuery(name = Meeting.FIND_OCCURRENCES_FROM, query = "select m from Meeting m where m.seriesId = :series"
        + " and m.occurrenceAt >= :from order by m.occurrenceAt")
@NamedQuery(name = Meeting.FIND_DETACHED_OCCURRENCES, query = "select m from Meeting m where m.seriesId = :series"
        + " and m.detached = true order by m.occurrenceAt")
@NamedQuery(name = Meeting.FIND_SKIPPED_OCCURRENCES, query = "select m.seriesId, m.occurrenceAt from Meeting m"
        + " where m.seriesId in :series and m.status = org.meetingportal.meeting.MeetingStatus.CANCELLED")
// host_entered_at is no attribute: written by this statement only, never back by an edit in flight.
@NamedNativeQuery(name = Meeting.MARK_HOST_ENTERED, query = "UPDATE meeting SET host_entered_at = ?1"
        + " WHERE id = ?2 AND host_entered_at IS NULL")
// reminded_for is no attribute either: the start its people were reminded of, claimed by one node alone.
@NamedNativeQuery(name = Meeting.FIND_TO_REMIND, query = "SELECT id FROM meeting WHERE status = 'SCHEDULED'"
        + " AND starts_at > ?1 AND starts_at <= ?2 AND (reminded_for IS NULL OR reminded_for <> starts_at)"
        + " ORDER BY starts_at, id")
@NamedNativeQuery(name = Meeting.CLAIM_REMINDER, query = "UPDATE meeting SET reminded_for = starts_at WHERE id = ?1"
        + " AND status = 'SCHEDULED' AND (reminded_for IS NULL OR reminded_for <> starts_at)")
public class Meeting {

    public static final String FIND_VISIBLE_ENDING_AFTER = "Meeting.findVisibleEndingAfter";
    public static final String COUNT_VISIBLE_ENDING_AFTER = "Meeting.countVisibleEndingAfter";
    public static final String FIND_VISIBLE_ENDED_BY = "Meeting.findVisibleEndedBy";
    public static final String COUNT_VISIBLE_ENDED_BY = "Meeting.countVisibleEndedBy";
    public static final String FIND_PARTICIPANTS = "Meeting.findParticipants";
    public static final String FIND_VISIBLE_BETWEEN = "Meeting.findVisibleBetween";
    public static final String SEARCH = "Meeting.search";
    public static final String COUNT_SEARCH = "Meeting.countSearch";
    public static final String MARK_HOST_ENTERED = "Meeting.markHostEntered";
    public static final String FIND_TO_REMIND = "Meeting.findToRemind";
    public static final String CLAIM_REMINDER = "Meeting.claimReminder";
    public static final String FIND_HOSTS = "Meeting.findHosts";
    public static final String FIND_PEOPLE = "Meeting.findPeople";
    public static final String FIND_OCCURRENCES_FROM = "Meeting.findOccurrencesFrom";
    public static final String FIND_DETACHED_OCCURRENCES = "Meeting.findDetachedOccurrences";
    public static final String FIND_SKIPPED_OCCURRENCES = "Meeting.findSkippedOccurrences";

    static final String NOT_ENDED = "m.status <> org.meetingportal.meeting.MeetingStatus.ENDED";
    static final String ENDED_EARLY = "m.status = org.meetingportal.meeting.MeetingStatus.ENDED";

    /** {@link Access#visibleTo} as a query condition: {@code :everyone} for admins, {@code :viewer} the person. */
    static final String VISIBLE = "(:everyone = true or m.details.access = org.meetingportal.meeting.Access.ALL_EMPLOYEES"
            + " or m.id in (select v.id from Meeting v join v.participants vp where vp.username = :viewer))";
    /** A title holding the searched text ({@code :title}, a LIKE pattern; {@code %} for any title). */
    static final String TITLED = "lower(m.details.title) like :title escape '\\'";
    /**
     * The admins' list: optional status and time bounds, or ({@code :endedEarly}) a meeting a host ended before
     * its time, and a text that matches the title or a participant.
     */
    static final String FILTER = "((:status is null or m.status = :status)"
            + " and m.startsAt > :startsAfter and m.startsAt <= :startsNotAfter"
            + " and m.endsAt > :endsAfter and m.endsAt <= :endsNotAfter"
            + " or :endedEarly = true and " + ENDED_EARLY + ")"
            + " and (:pattern is null or lower(m.details.title) like :pattern escape '\\'"
            + " or m.id in (select s.id from Meeting s join s.participants sp where sp.username in :usernames))";

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Embedded
    private MeetingDetails details;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "room_id", nullable = false)
    private long roomId;

    /** The series this meeting is an occurrence of, if any. */
    @Column(name = "series_id")
    private Long seriesId;

    /** The start the series' rule gives this occurrence (its RECURRENCE-ID), wherever it was moved to. */
    @Column(name = "occurrence_at")
    private Instant occurrenceAt;

    /** Whether this occurrence was changed or cancelled on its own, and so no longer follows its series' plan. */
    @Column(name = "detached", nullable = false)
    private boolean detached;

    @Column(nullable = false)
    private boolean locked;

    @Column(name = "attendees_muted", nullable = false)
    private boolean attendeesMuted;

    @Column(name = "chat_closed", nullable = false)
    private boolean chatClosed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MeetingStatus status;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 32)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sequence_number", nullable = false)
    private int sequence;

    @ElementCollection
    @CollectionTable(name = "meeting_participant", joinColumns = @JoinColumn(name = "meeting_id"))
    private Set<Participant> participants = new HashSet<>();

    @Version
    private long version;

    protected Meeting() {
    }

    public Meeting(long roomId, String createdBy, Instant createdAt) {
        this.roomId = roomId;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.status = MeetingStatus.SCHEDULED;
    }

    /** Sets everything an admin decides; counts as a change for calendars unless the meeting is new. */
    public void plan(MeetingPlan plan) {
        this.details = new MeetingDetails(plan);
        this.startsAt = plan.startsAt();
        this.endsAt = plan.endsAt();
        this.timeZone = plan.timeZone().getId();
        this.participants.clear();
        this.participants.addAll(MeetingPlan.participants(plan));
        if (id != null) {
            sequence++;
        }
    }

    /** Makes this the occurrence of {@code series} that its rule starts at {@code at}. */
    void occurrenceOf(long series, Instant at) {
        this.seriesId = series;
        this.occurrenceAt = Objects.requireNonNull(at);
        this.detached = false;
    }

    /** No longer an occurrence of any series. */
    void leaveSeries() {
        this.seriesId = null;
        this.occurrenceAt = null;
        this.detached = false;
    }

    /** This occurrence now has a plan of its own (moved, changed or cancelled alone). */
    void detach() {
        this.detached = true;
    }

    /** Another TRTC room, when a host asks for one. */
    void moveToRoom(long roomId) {
        this.roomId = roomId;
    }

    public void cancel() {
        if (status == MeetingStatus.SCHEDULED) {
            status = MeetingStatus.CANCELLED;
            sequence++;
        }
    }

    /**
     * Ends it for everyone, now: only a meeting that is scheduled. Whether it had begun is the caller's rule.
     *
     * @return whether this call ended it (false when it was already ended or cancelled)
     */
    public boolean endForAll(Instant now) {
        if (status != MeetingStatus.SCHEDULED) {
            return false;
        }
        status = MeetingStatus.ENDED;
        endedAt = Objects.requireNonNull(now);
        return true;
    }

    public void lock(boolean locked) {
        this.locked = locked;
    }

    /** Whether attendees, those in and those still to come, may not unmute (a host's "mute all"). */
    public void muteAttendees(boolean muted) {
        this.attendeesMuted = muted;
    }

    /** Whether attendees may not write in the room's chat (a host's choice); hosts and co-hosts always may. */
    public void closeChat(boolean closed) {
        this.chatClosed = closed;
    }

    public boolean isChatClosed() {
        return chatClosed;
    }

    /** The role of {@code username} in this meeting, if they are named in it. */
    public Optional<ParticipantRole> roleOf(String username) {
        return participants.stream().filter(p -> p.getUsername().equals(username)).map(Participant::getRole).findFirst();
    }

    public boolean isVisibleTo(String username, boolean admin) {
        return details.getAccess().visibleTo(roleOf(username), admin);
    }

    public Collection<String> usernames(ParticipantRole role) {
        return participants.stream().filter(p -> p.getRole() == role).map(Participant::getUsername).sorted().toList();
    }

    public Long getId() {
        return id;
    }

    public Optional<Long> getSeriesId() {
        return Optional.ofNullable(seriesId);
    }

    public Instant getOccurrenceAt() {
        return occurrenceAt;
    }

    public boolean isDetached() {
        return detached;
    }

    public String getTitle() {
        return details.getTitle();
    }

    public String getDescription() {
        return details.getDescription();
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public long getRoomId() {
        return roomId;
    }

    public Access getAccess() {
        return details.getAccess();
    }

    public AttendeeRights getAttendeeRights() {
        return details.getAttendeeRights();
    }

    public boolean isMuteOnEntry() {
        return details.isMuteOnEntry();
    }

    public WaitingRoom getWaitingRoom() {
        return details.getWaitingRoom();
    }

    public boolean isHostFirst() {
        return details.isHostFirst();
    }

    public boolean isLocked() {
        return locked;
    }

    public boolean isAttendeesMuted() {
        return attendeesMuted;
    }

    public Optional<Instant> getEndedAt() {
        return Optional.ofNullable(endedAt);
    }

    public MeetingStatus getStatus() {
        return status;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getSequence() {
        return sequence;
    }

    public Set<Participant> getParticipants() {
        return participants;
    }

    public long getVersion() {
        return version;
    }
}
