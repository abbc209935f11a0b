package org.meetingportal.meeting;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A meeting that repeats: its rule, and the plan each occurrence starts from. Occurrences become meeting rows
 * only when someone needs one (the series' next occurrence, a week someone looks at, one edited alone), all in
 * the series' room unless a host asks for another. {@code nextAt} is the start of the next occurrence no row
 * stands for yet, and {@code dueAt} when it is wanted: when the latest row's planned time is over.
 */
@Entity
@Table(name = "meeting_series")
@NamedQuery(name = MeetingSeries.FIND_ALL, query = "select s from MeetingSeries s where s.id in :ids")
// In id order, as every lock of series is taken, so that two requests never wait for each other.
@NamedQuery(name = MeetingSeries.FIND_DUE, query = "select s.id from MeetingSeries s where s.dueAt <= :now"
        + " and s.nextAt is not null order by s.id")
@NamedQuery(name = MeetingSeries.FIND_VISIBLE_BETWEEN, query = "select s from MeetingSeries s where"
        + " s.firstStartsAt < :to and s.lastEndsAt > :from and s.cancelled = false and (s.details.access ="
        + " org.meetingportal.meeting.Access.ALL_EMPLOYEES or s.id in (select v.id from MeetingSeries v"
        + " join v.participants vp where vp.username = :viewer)) order by s.id")
public class MeetingSeries {

    public static final String FIND_ALL = "MeetingSeries.findAll";
    public static final String FIND_DUE = "MeetingSeries.findDue";
    public static final String FIND_VISIBLE_BETWEEN = "MeetingSeries.findVisibleBetween";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recurrence_rule", nullable = false, length = 200)
    private String rule;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "first_starts_at", nullable = false)
    private Instant firstStartsAt;

    @Column(name = "last_ends_at", nullable = false)
    private Instant lastEndsAt;

    @Column(name = "length_seconds", nullable = false)
    private long lengthSeconds;

    @Column(name = "room_id", nullable = false)
    private long roomId;

    @Embedded
    private MeetingDetails details;

    @Column(nullable = false)
    private boolean cancelled;

    @Column(name = "next_at")
    private Instant nextAt;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 32)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sequence_number", nullable = false)
    private int sequence;

    /** The series that "this and the following meetings" split off from this one, which its link leads on to. */
    @Column(name = "continued_by")
    private Long continuedBy;

    /** The calendar entry of the single meeting this series grew out of, which it carries on; null for its own. */
    @Column(name = "calendar_uid", updatable = false, length = 100)
    private String calendarUid;

    @ElementCollection
    @CollectionTable(name = "meeting_series_participant", joinColumns = @JoinColumn(name = "series_id"))
    private Set<Participant> participants = new HashSet<>();

    @Version
    private long version;

    protected MeetingSeries() {
    }

    MeetingSeries(long roomId, String createdBy, Instant createdAt) {
        this.roomId = roomId;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** The plan and rule; {@code starts} are every occurrence's start, the first being the plan's own. */
    void plan(MeetingPlan plan, Recurrence recurrence, List<Instant> starts) {
        Duration length = Duration.between(plan.startsAt(), plan.endsAt());
        this.rule = recurrence.rule();
        this.timeZone = plan.timeZone().getId();
        this.firstStartsAt = starts.get(0);
        this.lastEndsAt = starts.get(starts.size() - 1).plus(length);
        this.lengthSeconds = length.toSeconds();
        this.details = new MeetingDetails(plan);
        this.participants.clear();
        this.participants.addAll(MeetingPlan.participants(plan));
        if (id != null) {
            sequence++;
        }
    }

    /** The plan of the occurrence that the rule starts at {@code start}. */
    MeetingPlan planAt(Instant start) {
        Set<String> hosts = new HashSet<>();
        Set<String> attendees = new HashSet<>();
        participants.forEach(p -> (p.getRole() == ParticipantRole.HOST ? hosts : attendees).add(p.getUsername()));
        return new MeetingPlan(details.getTitle(), details.getDescription(), start, start.plus(length()), zone(),
                details.getAccess(), details.getAttendeeRights(), details.isMuteOnEntry(), details.getWaitingRoom(),
                details.isHostFirst(), hosts, attendees);
    }

    /** Rows stand for every occurrence before {@code nextAt}; the next one is wanted from {@code dueAt}. */
    void rowsUntil(Instant nextAt, Instant dueAt) {
        this.nextAt = nextAt;
        this.dueAt = dueAt;
    }

    /** Another TRTC room for the occurrences to come, when a host asks for one. */
    void moveToRoom(long roomId) {
        this.roomId = roomId;
    }

    void cancel() {
        if (!cancelled) {
            cancelled = true;
            sequence++;
        }
    }

    /** A later part of the series was split off or cancelled: this part now ends with the rule given. */
    void endWith(Recurrence shorter, Instant lastEndsAt) {
        this.rule = shorter.rule();
        this.lastEndsAt = lastEndsAt;
        sequence++;
    }

    /**
     * The series grew out of a single meeting: it carries on that meeting's calendar entry, with a higher
     * SEQUENCE than any the meeting had, so that calendars turn the entry they have into the series.
     */
    void continues(String uid, int lastSequence) {
        calendarUid = uid;
        sequence = lastSequence + 1;
    }

    /** The later part of the series now goes on as {@code seriesId}. */
    void continuedBy(long seriesId) {
        continuedBy = seriesId;
    }

    Optional<Long> getContinuedBy() {
        return Optional.ofNullable(continuedBy);
    }

    /** What calendars know the series by. */
    String calendarUid() {
        return calendarUid != null ? calendarUid : "series-" + id;
    }

    /** One occurrence changed or cancelled alone: the series' calendar entry changes with it. */
    void occurrenceChanged() {
        sequence++;
    }

    /** Who may see the series, as for its meetings: its people, everyone for a series open to all, admins. */
    public boolean isVisibleTo(String username, boolean admin) {
        return details.getAccess().visibleTo(participants.stream().filter(p -> p.getUsername().equals(username))
                .map(Participant::getRole).findFirst(), admin);
    }

    /** Whether this person plans the series: its hosts. */
    public boolean isHost(String username) {
        return participants.stream().anyMatch(p -> p.getUsername().equals(username)
                && p.getRole() == ParticipantRole.HOST);
    }

    public Recurrence recurrence() {
        return Recurrence.parse(rule);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Duration length() {
        return Duration.ofSeconds(lengthSeconds);
    }

    public LocalDateTime firstLocalStart() {
        return firstStartsAt.atZone(zone()).toLocalDateTime();
    }

    /** Every occurrence's start, in order (at most {@link Recurrence#MAX_OCCURRENCES}). */
    public List<Instant> starts() {
        return recurrence().starts(firstLocalStart(), zone(), lastEndsAt.atZone(zone()).toLocalDateTime(),
                Recurrence.MAX_OCCURRENCES);
    }

    public Long getId() {
        return id;
    }

    public String getRule() {
        return rule;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Instant getFirstStartsAt() {
        return firstStartsAt;
    }

    public Instant getLastEndsAt() {
        return lastEndsAt;
    }

    public long getRoomId() {
        return roomId;
    }

    public String getTitle() {
        return details.getTitle();
    }

    public String getDescription() {
        return details.getDescription();
    }

    public Access getAccess() {
        return details.getAccess();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public Instant getNextAt() {
        return nextAt;
    }

    public String getCreatedBy() {
        return createdBy;
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
