package org.meetingportal.meeting;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountRules;
import org.meetingportal.account.AccountService;
import org.meetingportal.account.AdminOnly;
import org.meetingportal.account.Role;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FieldProblems;
import org.meetingportal.platform.SearchText;
import org.meetingportal.platform.SecurityLog;
import org.meetingportal.platform.Slice;
import org.meetingportal.platform.StartupOrder;

/**
 * Scheduling, editing, cancelling and finding meetings. Who may see a meeting is decided here for every
 * caller: admins see all, employees the meetings that name them or are open to all employees; anyone else
 * is told the meeting does not exist. Lists cost the same few statements whatever the number of
 * participants: one for the page, one for the count, one for the page's participants, one for their names.
 */
@ApplicationScoped
@Transactional
public class MeetingService {

    private static final Instant BEGINNING_OF_TIME = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private static final Logger LOG = Logger.getLogger(MeetingService.class.getName());
    private static final int ROOM_ATTEMPTS = 5;
    /** How many later occurrences a series' meeting shows. */
    private static final int NEXT_OCCURRENCES = 3;
    private static final String ADMISSION = "SELECT m.room_id, m.status, m.access, m.attendee_rights, m.starts_at,"
            + " m.ends_at, p.role, m.waiting_room, m.host_first, m.locked, m.host_entered_at,"
            + " (SELECT COUNT(*) FROM guest g WHERE g.meeting_id = m.id AND g.user_id = ?) FROM meeting m"
            + " LEFT JOIN meeting_participant p ON p.meeting_id = m.id AND p.username = ? WHERE m.id = ?";

    /** Which part of the timeline a list shows. */
    public enum Period {
        /** Not yet ended: upcoming, open, and cancelled ones whose time has not passed, soonest first. */
        CURRENT,
        /** Ended, latest first. */
        PAST
    }

    @PersistenceContext
    EntityManager em;

    /** The persistence unit's own database, for the one read on every credential request. */
    @Resource(lookup = "java:comp/env/jdbc/portal")
    DataSource database;

    @Inject
    Clock clock;

    @Inject
    RoomNumbers rooms;

    @Inject
    AccountService accounts;

    @Inject
    Configuration configuration;

    @Inject
    AdminOnly admins;

    @Inject
    Occurrences occurrences;

    @Inject
    Event<MeetingChanged> changes;

    private volatile Scheduling scheduling;

    /** Reads the setting at start, so that a mistyped one stops the deployment with its name. */
    void check(@Observes @Priority(StartupOrder.SCHEMA) @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(() -> "Scheduling: " + scheduling().label() + " (" + Scheduling.SETTING + ")");
    }

    private Scheduling scheduling() {
        if (scheduling == null) {
            scheduling = Scheduling.of(configuration);
        }
        return scheduling;
    }

    /** Whether this person may plan meetings: admins always, employees unless the company keeps it to admins. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean maySchedule(Account person) {
        return person.isAdmin() || person.role() == Role.EMPLOYEE && scheduling() == Scheduling.EVERYONE;
    }

    /**
     * A new meeting. Admins plan for anyone; an employee who plans one is among its hosts, whoever else they
     * name.
     */
    public MeetingView schedule(MeetingInput input, Account actor) {
        if (!maySchedule(actor)) {
            throw refused(actor, "meeting.schedule.adminsOnly");
        }
        Instant now = clock.instant();
        MeetingPlan plan = MeetingRules.plan(input, actor.username(), now);
        if (!actor.isAdmin()) {
            plan = plan.withHost(actor.username());
        }
        checkParticipants(plan);
        Repetition repetition = repetition(input, plan);
        Meeting meeting;
        if (repetition == null) {
            meeting = new Meeting(reserveRoom(), actor.username(), now);
            meeting.plan(plan);
            em.persist(meeting);
            em.flush();
        } else {
            meeting = occurrences.start(plan, repetition.rule(), repetition.starts(), reserveRoom(), actor.username(),
                    now);
        }
        LOG.info(() -> "Meeting " + meeting.getId() + " scheduled by " + actor.username() + " in room "
                + meeting.getRoomId() + meeting.getSeriesId().map(s -> ", series " + s).orElse(""));
        changes.fire(new MeetingChanged(meeting.getId(), null, Set.of()));
        return view(meeting, actor);
    }

    /** A rule and every occurrence's start it gives (the first may have moved onto the rule). */
    private record Repetition(Recurrence rule, List<Instant> starts) {
    }

    /** How the input repeats, checked; null for a single meeting. */
    private static Repetition repetition(MeetingInput input, MeetingPlan plan) {
        FieldProblems problems = new FieldProblems();
        Recurrence rule = RecurrenceRules.recurrence(input.recurrence(), problems);
        problems.throwIfAny();
        if (rule == null) {
            return null;
        }
        List<Instant> starts = RecurrenceRules.starts(rule, plan.startsAt(), plan.endsAt(), plan.timeZone(), problems);
        problems.throwIfAny();
        return new Repetition(rule, starts);
    }

    /**
     * Admins edit any meeting, hosts their own; a host who edits stays a host. An occurrence of a series is
     * changed alone ({@link ChangeScope#OCCURRENCE}: moved at most between its neighbours) or with every later one
     * ({@link ChangeScope#FOLLOWING}: a rule given there replaces the series' from this occurrence on). A single
     * meeting given a rule becomes the first occurrence of a series.
     */
    public MeetingView update(long id, MeetingInput input, Account actor, ChangeScope scope) {
        Meeting meeting = visible(id, actor);
        requireEditor(meeting, actor);
        if (input == null || input.version() == null) {
            new FieldProblems().add("version", "meeting.version.required").throwIfAny();
        }
        if (input.version() != meeting.getVersion()) {
            throw DomainException.stale();
        }
        MeetingPhase state = window(meeting).stateAt(meeting.getStatus(), clock.instant());
        if (state == MeetingPhase.CANCELLED || state == MeetingPhase.ENDED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "meeting.edit." + state.name().toLowerCase(Locale.ROOT));
        }
        Instant now = clock.instant();
        MeetingPlan plan = MeetingRules.plan(input, meeting.getCreatedBy(), now);
        if (!actor.isAdmin()) {
            plan = plan.withHost(actor.username());
        }
        checkParticipants(plan);
        boolean newRoom = Boolean.TRUE.equals(input.newRoom());
        Optional<Long> seriesId = meeting.getSeriesId();
        Set<String> before = new HashSet<>(usernames(meeting.getParticipants()));
        seriesId.filter(s -> scope == ChangeScope.FOLLOWING)
                .ifPresent(s -> before.addAll(usernames(em.find(MeetingSeries.class, s).getParticipants())));
        Long former = null;
        if (seriesId.isEmpty()) {
            Repetition repetition = repetition(input, plan);
            String formerUid = "meeting-" + meeting.getId() + "-" + meeting.getRoomId();
            if (newRoom) {
                meeting.moveToRoom(reserveRoom());
            }
            if (repetition == null) {
                meeting.plan(plan);
            } else {
                List<Instant> starts = repetition.starts();
                MeetingSeries series = new MeetingSeries(meeting.getRoomId(), meeting.getCreatedBy(), now);
                series.plan(plan.at(starts.get(0)), repetition.rule(), starts);
                em.persist(series);
                em.flush();
                meeting.plan(plan.at(starts.get(0)));
                series.continues(formerUid, meeting.getSequence());
                meeting.occurrenceOf(series.getId(), starts.get(0));
                em.flush();
                occurrences.advance(series, now);
            }
        } else if (scope == ChangeScope.OCCURRENCE) {
            if (input.recurrence() != null) {
                new FieldProblems().add("recurrence", "meeting.recurrence.onlyFollowing").throwIfAny();
            }
            MeetingSeries series = occurrences.lock(seriesId.get());
            List<Instant> rule = series.starts();
            int at = rule.indexOf(meeting.getOccurrenceAt());
            // Moved at most so far that it neither meets the one before nor the one after in the room.
            boolean afterPrevious = at <= 0 || !plan.startsAt().isBefore(rule.get(at - 1).plus(series.length()));
            boolean beforeNext = at < 0 || at + 1 >= rule.size() || !plan.endsAt().isAfter(rule.get(at + 1));
            if (!afterPrevious || !beforeNext) {
                new FieldProblems().add("startsAt", "meeting.occurrence.outsideSeries").throwIfAny();
            }
            meeting.plan(plan);
            meeting.detach();
            series.occurrenceChanged();
            if (newRoom) {
                meeting.moveToRoom(reserveRoom());
            }
        } else {
            MeetingSeries series = occurrences.lock(seriesId.get());
            requireSeriesEditor(series, actor);
            FieldProblems problems = new FieldProblems();
            Recurrence rule = RecurrenceRules.recurrence(input.recurrence(), problems);
            problems.throwIfAny();
            // The series' own rule sent back as it was shown means "as before": what remains of it.
            if (rule == null || rule.equals(series.recurrence())) {
                List<Instant> old = series.starts();
                int place = old.indexOf(meeting.getOccurrenceAt());
                if (place < 0) {
                    throw new DomainException(DomainException.Kind.CONFLICT, "meeting.occurrence.notInSeries");
                }
                rule = series.recurrence().withRemaining(old.size() - place);
            }
            List<Instant> starts = RecurrenceRules.starts(rule, plan.startsAt(), plan.endsAt(), plan.timeZone(), problems);
            problems.throwIfAny();
            MeetingSeries target = occurrences.replan(series, meeting, plan.at(starts.get(0)), rule, starts,
                    newRoom ? reserveRoom() : series.getRoomId(), now);
            if (!target.getId().equals(series.getId())) {
                former = series.getId();
            }
        }
        em.flush();
        Set<String> removed = new HashSet<>(before);
        removed.removeAll(plan.hosts());
        removed.removeAll(plan.attendees());
        changes.fire(new MeetingChanged(meeting.getId(), former, removed));
        return view(meeting, actor);
    }

    /** Admins cancel any meeting, hosts their own: an occurrence alone, or with every later one. */
    public MeetingView cancel(long id, Account actor, ChangeScope scope) {
        Meeting meeting = visible(id, actor);
        requireEditor(meeting, actor);
        Optional<Long> seriesId = meeting.getSeriesId();
        if (seriesId.isEmpty()) {
            meeting.cancel();
        } else if (scope == ChangeScope.OCCURRENCE) {
            MeetingSeries series = occurrences.lock(seriesId.get());
            if (meeting.getStatus() == MeetingStatus.SCHEDULED) {
                meeting.detach();
                meeting.cancel();
                series.occurrenceChanged();
            }
            occurrences.advance(series, clock.instant());
        } else {
            MeetingPhase state = window(meeting).stateAt(meeting.getStatus(), clock.instant());
            if (state == MeetingPhase.CANCELLED || state == MeetingPhase.ENDED) {
                throw new DomainException(DomainException.Kind.CONFLICT,
                        "meeting.edit." + state.name().toLowerCase(Locale.ROOT));
            }
            MeetingSeries series = occurrences.lock(seriesId.get());
            requireSeriesEditor(series, actor);
            occurrences.cancelFrom(series, meeting, clock.instant());
        }
        em.flush();
        changes.fire(new MeetingChanged(meeting.getId(), null, Set.of()));
        LOG.info(() -> "Meeting " + id + " cancelled by " + actor.username());
        return view(meeting, actor);
    }

    public MeetingView find(long id, Account viewer) {
        return view(visible(id, viewer), viewer);
    }

    /**
     * The occurrence of a series that its link leads to today: the next one that is neither over nor cancelled;
     * once the series is over, the later part split off from it, or else its last.
     */
    public MeetingView currentOccurrence(long seriesId, Account viewer) {
        MeetingSeries series = occurrences.lock(visibleSeries(seriesId, viewer).getId());
        Optional<Meeting> next = occurrences.advance(series, clock.instant());
        if (next.isEmpty() && series.getContinuedBy().isPresent()) {
            // Split by "this and the following meetings": the link goes on to the later part, if the viewer is in it.
            MeetingSeries later = em.find(MeetingSeries.class, series.getContinuedBy().get());
            if (!viewer.isGuest() && later.isVisibleTo(viewer.username(), viewer.isAdmin())) {
                return currentOccurrence(later.getId(), viewer);
            }
        }
        Meeting meeting = next.orElseGet(() -> occurrences.last(series));
        return view(visible(meeting.getId(), viewer), viewer);
    }

    /** The occurrence of a series that its rule starts at {@code at}, as a meeting that can be opened and edited. */
    public MeetingView occurrence(long seriesId, Instant at, Account viewer) {
        MeetingSeries series = occurrences.lock(visibleSeries(seriesId, viewer).getId());
        Meeting meeting = occurrences.occurrence(series, at, clock.instant());
        return view(visible(meeting.getId(), viewer), viewer);
    }

    /** A series the viewer may see, read before anything is locked or made; others are not found. */
    private MeetingSeries visibleSeries(long seriesId, Account viewer) {
        MeetingSeries series = em.find(MeetingSeries.class, seriesId);
        if (series == null || viewer.isGuest() || !series.isVisibleTo(viewer.username(), viewer.isAdmin())) {
            throw DomainException.notFound();
        }
        return series;
    }

    /** The rest of a series is changed by its hosts and admins, not by a host of one occurrence. */
    private static void requireSeriesEditor(MeetingSeries series, Account actor) {
        if (!actor.isAdmin() && !series.isHost(actor.username())) {
            throw refused(actor, "meeting.edit.hostsOnly");
        }
    }

    /** Hosts and attendees with their display names, hosts first; for labelling video tiles. */
    public List<Person> participants(long id, Account viewer) {
        MeetingView view = find(id, viewer);
        List<Person> people = new ArrayList<>(view.hosts());
        people.addAll(view.attendees());
        return people;
    }

    /**
     * The part {@code person} may take in a meeting: hosts and attendees as named, any employee as an
     * attendee of a meeting open to all employees, a guest as an attendee of the meeting their link let them
     * into. Anyone else, and a cancelled meeting, get not-found: an admin who is not invited may see a meeting
     * but not join it.
     */
    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = DomainException.class)
    public Admission admission(long id, Account person) {
        AdmissionRow row = admissionRow(id, person.username());
        if (row == null) {
            throw DomainException.notFound();
        }
        Optional<ParticipantRole> role = person.isGuest()
                ? Optional.of(ParticipantRole.ATTENDEE).filter(attendee -> row.guestHere())
                : row.access().partOf(Optional.ofNullable(row.role()));
        if (row.status() == MeetingStatus.CANCELLED || role.isEmpty() || !person.enabled()) {
            throw DomainException.notFound();
        }
        JoinWindow window = JoinWindow.of(row.startsAt(), row.endsAt(), configuration.joinEarly());
        return new Admission(id, row.roomId(), role.get(), row.attendeeRights(),
                window.stateAt(row.status(), clock.instant()), window.opensAt(), row.endsAt(), row.door(),
                person.isGuest());
    }

    private record AdmissionRow(long roomId, MeetingStatus status, Access access, AttendeeRights attendeeRights,
            Instant startsAt, Instant endsAt, ParticipantRole role, Admission.Door door, boolean guestHere) {
    }

    /**
     * One statement on the pool's own connection, the person's own participant row only: this runs for
     * every credential request, and through the entity manager it would open and close a persistence
     * context for one read-only row (half the cost of the call's database work).
     */
    private AdmissionRow admissionRow(long id, String username) {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(ADMISSION)) {
            select.setString(1, username);
            select.setString(2, username);
            select.setLong(3, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                String role = rows.getString(7);
                return new AdmissionRow(rows.getLong(1), MeetingStatus.valueOf(rows.getString(2)),
                        Access.valueOf(rows.getString(3)), AttendeeRights.valueOf(rows.getString(4)),
                        rows.getObject(5, OffsetDateTime.class).toInstant(),
                        rows.getObject(6, OffsetDateTime.class).toInstant(),
                        role == null ? null : ParticipantRole.valueOf(role),
                        new Admission.Door(WaitingRoom.valueOf(rows.getString(8)), rows.getBoolean(9),
                                rows.getBoolean(10), rows.getObject(11, OffsetDateTime.class) != null),
                        rows.getLong(12) > 0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the meeting could not be read", e);
        }
    }

    /**
     * What a calendar file needs: the meeting and each participant's name and e-mail; for an occurrence of a
     * series, the whole series (its rule, the occurrences cancelled alone) and then each occurrence changed alone.
     */
    public List<CalendarEvent> calendar(long id, Account viewer) {
        Meeting meeting = visible(id, viewer);
        MeetingSeries series = meeting.getSeriesId().map(s -> em.find(MeetingSeries.class, s)).orElse(null);
        if (series == null || viewer.isGuest() || !series.isVisibleTo(viewer.username(), viewer.isAdmin())) {
            // Someone asked to this occurrence alone gets its own entry, not the series' people and plans.
            return List.of(CalendarEvent.of(meeting, people(meeting.getParticipants()), clock.instant(), viewer, null));
        }
        return seriesEvents(series, viewer);
    }

    /** A series' entries: the series with its rule and the occurrences cancelled alone, then each changed alone. */
    private List<CalendarEvent> seriesEvents(MeetingSeries series, Account viewer) {
        Instant now = clock.instant();
        List<Instant> starts = series.starts();
        List<Meeting> detached = em.createNamedQuery(Meeting.FIND_DETACHED_OCCURRENCES, Meeting.class)
                .setParameter("series", series.getId()).getResultList().stream()
                .filter(m -> starts.contains(m.getOccurrenceAt())).toList();
        List<Instant> excluded = detached.stream().filter(m -> m.getStatus() == MeetingStatus.CANCELLED)
                .map(Meeting::getOccurrenceAt).toList();
        List<CalendarEvent> events = new ArrayList<>();
        events.add(CalendarEvent.of(series, people(series.getParticipants()), now, viewer,
                new CalendarEvent.Repeating(series.getId(), series.calendarUid(), series.zone(),
                        series.recurrence().ruleForCalendar(series.zone()), excluded, series.getLastEndsAt(), null)));
        for (Meeting changed : detached) {
            if (changed.getStatus() != MeetingStatus.CANCELLED) {
                events.add(CalendarEvent.of(changed, people(changed.getParticipants()), now, viewer,
                        new CalendarEvent.Repeating(series.getId(), series.calendarUid(), series.zone(), null, List.of(), null,
                                changed.getOccurrenceAt())));
            }
        }
        return events;
    }

    /**
     * What a meeting's people are told of it after a change, in the change's transaction: everyone asked to
     * the meeting and, for an occurrence, to its series.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MeetingNotice notice(long meetingId) {
        return notice(meetingId, true);
    }

    /** The notice, without the series' calendar entries when nobody will be sent them (a reminder). */
    private MeetingNotice notice(long meetingId, boolean seriesEntries) {
        Meeting meeting = em.find(Meeting.class, meetingId);
        MeetingSeries series = meeting.getSeriesId().map(s -> em.find(MeetingSeries.class, s)).orElse(null);
        Set<String> seriesPeople = series == null ? Set.of() : usernames(series.getParticipants());
        Set<String> everyone = new HashSet<>(usernames(meeting.getParticipants()));
        everyone.addAll(seriesPeople);
        Map<String, Account> people = accounts.accounts(everyone);
        CalendarEvent own = CalendarEvent.of(meeting, people, clock.instant(), null, null);
        return new MeetingNotice(meetingId, series == null ? null : series.getId(), meeting.getTitle(),
                meeting.getDescription(), meeting.getStartsAt(), meeting.getEndsAt(), ZoneId.of(meeting.getTimeZone()),
                meeting.getStatus() == MeetingStatus.CANCELLED, series == null ? null : series.recurrence(),
                List.copyOf(people.values()), seriesPeople,
                series == null || !seriesEntries ? List.of() : seriesEvents(series, null), own);
    }

    /**
     * The meetings due for their reminder, each claimed for this caller in its transaction: starting within
     * {@code lead} and not yet reminded of at their present start. Another node's claim of the same meeting
     * waits for this transaction and then finds it claimed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MeetingNotice> claimReminders(Duration lead, int max) {
        Instant now = clock.instant();
        occurrences.catchUp(now);
        List<?> due = em.createNamedQuery(Meeting.FIND_TO_REMIND).setParameter(1, now)
                .setParameter(2, now.plus(lead)).setMaxResults(max).getResultList();
        List<MeetingNotice> claimed = new ArrayList<>();
        for (Object id : due) {
            long meetingId = ((Number) id).longValue();
            if (em.createNamedQuery(Meeting.CLAIM_REMINDER).setParameter(1, meetingId).executeUpdate() == 1) {
                claimed.add(notice(meetingId, false));
            }
        }
        return claimed;
    }

    /** What the people of a series that ended earlier are told of it: its entries, now shorter. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MeetingNotice seriesNotice(long seriesId) {
        MeetingSeries series = em.find(MeetingSeries.class, seriesId);
        Set<String> seriesPeople = usernames(series.getParticipants());
        Map<String, Account> people = accounts.accounts(seriesPeople);
        List<CalendarEvent> events = seriesEvents(series, null);
        return new MeetingNotice(events.get(0).meetingId(), seriesId, series.getTitle(), series.getDescription(),
                series.getFirstStartsAt(), series.getFirstStartsAt().plus(series.length()), series.zone(),
                series.isCancelled(), series.recurrence(), List.copyOf(people.values()), seriesPeople, events,
                events.get(0));
    }

    private static Set<String> usernames(Collection<Participant> participants) {
        return participants.stream().map(Participant::getUsername).collect(Collectors.toSet());
    }

    private Map<String, Account> people(Collection<Participant> participants) {
        return accounts.accounts(participants.stream().map(Participant::getUsername).toList());
    }

    /**
     * The meetings a viewer may see in one part of the timeline, optionally only those whose title holds
     * {@code title}: for the "My meetings" page ({@code everyone} false) or the API, where admins see every
     * meeting ({@code everyone} true for them).
     */
    public Slice<MeetingView> list(Account viewer, boolean everyone, Period period, String title, int page, int size) {
        int start = Slice.start(page, size);
        Instant now = clock.instant();
        if (period == Period.CURRENT) {
            occurrences.catchUp(now);
        }
        boolean all = everyone && viewer.isAdmin();
        String titled = title == null || title.isBlank() ? "%" : SearchText.containsPattern(title);
        String find = period == Period.CURRENT ? Meeting.FIND_VISIBLE_ENDING_AFTER : Meeting.FIND_VISIBLE_ENDED_BY;
        String count = period == Period.CURRENT ? Meeting.COUNT_VISIBLE_ENDING_AFTER : Meeting.COUNT_VISIBLE_ENDED_BY;
        List<Meeting> meetings = em.createNamedQuery(find, Meeting.class)
                .setParameter("now", now).setParameter("everyone", all).setParameter("viewer", viewer.username())
                .setParameter("title", titled).setFirstResult(start).setMaxResults(size).getResultList();
        long total = em.createNamedQuery(count, Long.class)
                .setParameter("now", now).setParameter("everyone", all).setParameter("viewer", viewer.username())
                .setParameter("title", titled).getSingleResult();
        return new Slice<>(views(meetings, viewer), page, size, total);
    }

    /**
     * The meetings a viewer may see that take place, at least in part, in {@code [from, to)}: for the week
     * view, at most {@code max}, earliest first.
     */
    public List<MeetingView> between(Account viewer, Instant from, Instant to, int max) {
        occurrences.makeBetween(viewer.username(), from, to, clock.instant(), max);
        List<Meeting> meetings = em.createNamedQuery(Meeting.FIND_VISIBLE_BETWEEN, Meeting.class)
                .setParameter("from", from).setParameter("to", to).setParameter("everyone", false)
                .setParameter("viewer", viewer.username()).setMaxResults(max).getResultList();
        return views(meetings, viewer);
    }

    /** The admins' list: every meeting, optionally in one state and matching a title or participant. */
    public Slice<MeetingView> search(Account admin, MeetingPhase state, String text, int page, int size) {
        admins.require();
        int start = Slice.start(page, size);
        Instant now = clock.instant();
        Instant opensBy = now.plus(configuration.joinEarly());
        String pattern = text == null || text.isBlank() ? null
                : SearchText.containsPattern(text);
        List<String> usernames = pattern == null ? List.of("") : new ArrayList<>(accounts.usernamesMatching(text, 500));
        if (usernames.isEmpty()) {
            usernames = List.of("");
        }
        TypedQuery<Meeting> find = em.createNamedQuery(Meeting.SEARCH, Meeting.class);
        TypedQuery<Long> count = em.createNamedQuery(Meeting.COUNT_SEARCH, Long.class);
        for (TypedQuery<?> query : List.<TypedQuery<?>>of(find, count)) {
            query.setParameter("status", state == null ? null
                    : state == MeetingPhase.CANCELLED ? MeetingStatus.CANCELLED : MeetingStatus.SCHEDULED);
            // Open bounds are the ends of time rather than nulls: PostgreSQL cannot type "? is null" for a
            // timestamp, and plain comparisons let the database use its indexes.
            query.setParameter("startsAfter", state == MeetingPhase.UPCOMING ? opensBy : BEGINNING_OF_TIME);
            query.setParameter("startsNotAfter", state == MeetingPhase.OPEN ? opensBy : END_OF_TIME);
            query.setParameter("endsAfter", state == MeetingPhase.OPEN ? now : BEGINNING_OF_TIME);
            query.setParameter("endsNotAfter", state == MeetingPhase.ENDED ? now : END_OF_TIME);
            query.setParameter("endedEarly", state == MeetingPhase.ENDED);
            query.setParameter("pattern", pattern);
            query.setParameter("usernames", usernames);
        }
        List<Meeting> meetings = find.setFirstResult(start).setMaxResults(size).getResultList();
        return new Slice<>(views(meetings, admin), page, size, count.getSingleResult());
    }

    private Meeting visible(long id, Account viewer) {
        Meeting meeting = em.find(Meeting.class, id);
        if (meeting == null || !(viewer.isGuest() ? isGuestOf(meeting, viewer) : meeting.isVisibleTo(viewer.username(), viewer.isAdmin()))) {
            throw DomainException.notFound();
        }
        return meeting;
    }

    /** Whether this person may edit and cancel the meeting: its hosts, and admins. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayEdit(long id, Account person) {
        // The hosts by a query: outside a transaction, a meeting's participants cannot be loaded later.
        return person.isAdmin() || em.createNamedQuery(Meeting.FIND_HOSTS, String.class).setParameter("id", id)
                .getResultList().contains(person.username());
    }

    private void requireEditor(Meeting meeting, Account actor) {
        if (!actor.isAdmin() && meeting.roleOf(actor.username()).orElse(null) != ParticipantRole.HOST) {
            throw refused(actor, "meeting.edit.hostsOnly");
        }
    }

    private static DomainException refused(Account actor, String messageKey) {
        SecurityLog.event("authz_fail", "user", actor.username(), "call", "meeting planning", "reason", messageKey);
        return new DomainException(DomainException.Kind.FORBIDDEN, messageKey);
    }

    /** A guest sees the one meeting their link let them into. */
    private boolean isGuestOf(Meeting meeting, Account guest) {
        Guest found = em.find(Guest.class, guest.username());
        return found != null && found.getMeetingId() == meeting.getId();
    }

    /** The guests among {@code userIds}, by userId. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Guest> guests(Collection<String> userIds) {
        List<String> theirs = userIds.stream().filter(AccountRules::isGuest).distinct().toList();
        if (theirs.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(Guest.FIND_ALL, Guest.class).setParameter("userIds", theirs).getResultStream()
                .collect(Collectors.toMap(Guest::getUserId, g -> g));
    }

    private void checkParticipants(MeetingPlan plan) {
        Set<String> named = new HashSet<>(plan.hosts());
        named.addAll(plan.attendees());
        Map<String, Account> found = accounts.accounts(named);
        FieldProblems problems = new FieldProblems();
        unusable(plan.hosts(), found).ifPresent(name -> problems.add("hosts", "meeting.participants.unknown", name));
        unusable(plan.attendees(), found).ifPresent(name -> problems.add("attendees", "meeting.participants.unknown", name));
        problems.throwIfAny();
    }

    private static Optional<String> unusable(Collection<String> names, Map<String, Account> found) {
        return names.stream().filter(n -> !found.containsKey(n) || !found.get(n).enabled()).sorted().findFirst();
    }

    private long reserveRoom() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ROOM_ATTEMPTS; attempt++) {
            try {
                return rooms.reserve();
            } catch (RuntimeException clash) {
                last = clash;
            }
        }
        throw last;
    }

    private JoinWindow window(Meeting meeting) {
        return JoinWindow.of(meeting.getStartsAt(), meeting.getEndsAt(), configuration.joinEarly());
    }

    private MeetingView view(Meeting meeting, Account viewer) {
        return views(List.of(meeting), viewer).get(0);
    }

    /** Views of a page of meetings, with two more statements in all: participants, then their names. */
    private List<MeetingView> views(List<Meeting> meetings, Account viewer) {
        if (meetings.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Object[]>> participantsById = new HashMap<>();
        List<Object[]> rows = em.createNamedQuery(Meeting.FIND_PARTICIPANTS, Object[].class)
                .setParameter("ids", meetings.stream().map(Meeting::getId).toList())
                .getResultList();
        Set<String> usernames = new HashSet<>();
        for (Object[] row : rows) {
            participantsById.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(row);
            usernames.add((String) row[1]);
        }
        Map<String, Account> people = accounts.accounts(usernames);
        Map<Long, Occurrences.Outlook> outlooks = occurrences.outlook(meetings, NEXT_OCCURRENCES);
        Instant now = clock.instant();
        List<MeetingView> views = new ArrayList<>();
        for (Meeting m : meetings) {
            List<Person> hosts = new ArrayList<>();
            List<Person> attendees = new ArrayList<>();
            ParticipantRole yourRole = null;
            for (Object[] row : participantsById.getOrDefault(m.getId(), List.of())) {
                String username = (String) row[1];
                ParticipantRole role = (ParticipantRole) row[2];
                Account account = people.get(username);
                Person person = new Person(username, account == null ? username : account.displayName(), role);
                (role == ParticipantRole.HOST ? hosts : attendees).add(person);
                if (username.equals(viewer.username())) {
                    yourRole = role;
                }
            }
            Comparator<Person> byName = Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Person::userId);
            hosts.sort(byName);
            attendees.sort(byName);
            ZoneId zone = ZoneId.of(m.getTimeZone());
            JoinWindow window = window(m);
            Occurrences.Outlook outlook = outlooks.get(m.getId());
            views.add(new MeetingView(m.getId(), m.getTitle(), m.getDescription(),
                    m.getStartsAt().atZone(zone).toOffsetDateTime(), m.getEndsAt().atZone(zone).toOffsetDateTime(),
                    m.getTimeZone(), m.getRoomId(), m.getAccess(), m.getAttendeeRights(), m.isMuteOnEntry(),
                    m.getWaitingRoom(), m.isHostFirst(), m.isLocked(), m.getStatus(), window.stateAt(m.getStatus(), now), window.opensAt().atZone(zone).toOffsetDateTime(),
                    hosts, attendees, yourRole, m.getCreatedBy(), m.getSequence(), m.getVersion(),
                    m.getSeriesId().orElse(null),
                    outlook == null ? null : MeetingView.RecurrenceView.of(outlook.rule()), m.isDetached(),
                    outlook == null ? List.of() : outlook.next().stream()
                            .map(at -> at.atZone(zone).toOffsetDateTime()).toList()));
        }
        return views;
    }
}
