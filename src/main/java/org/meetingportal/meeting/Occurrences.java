package org.meetingportal.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FieldProblems;

/**
 * Turns a series' occurrences into meeting rows when they are needed, inside {@link MeetingService}'s
 * transactions: the series' next occurrence that is not over (so that My meetings, invitations and the room
 * have a meeting to show), the occurrences of a week someone looks at, and one someone opens or edits. Every
 * change to a series' rows holds the series' row lock, so two nodes never make the same occurrence twice.
 */
@ApplicationScoped
class Occurrences {

    /** Series brought up to date in one call at most; the rest follow on the next. */
    private static final int CATCH_UP_BATCH = 50;

    @PersistenceContext
    EntityManager em;

    /** A new series for {@code plan} repeating by {@code rule} from {@code starts}, with its first occurrence. */
    Meeting start(MeetingPlan plan, Recurrence rule, List<Instant> starts, long roomId, String actor, Instant now) {
        MeetingSeries series = new MeetingSeries(roomId, actor, now);
        series.plan(plan.at(starts.get(0)), rule, starts);
        em.persist(series);
        em.flush();
        return advance(series, now).orElseThrow();
    }

    /**
     * The series, locked for a change of its rows and read again under the lock (it may have been read before in
     * this transaction, and changed by another since).
     */
    MeetingSeries lock(long seriesId) {
        MeetingSeries series = em.find(MeetingSeries.class, seriesId);
        if (series == null) {
            throw DomainException.notFound();
        }
        em.refresh(series, LockModeType.PESSIMISTIC_WRITE);
        return series;
    }

    /** Makes the next occurrence of every series whose latest row is over (a few at a time). */
    void catchUp(Instant now) {
        List<Long> due = em.createNamedQuery(MeetingSeries.FIND_DUE, Long.class).setParameter("now", now)
                .setMaxResults(CATCH_UP_BATCH).getResultList();
        for (long id : due) {
            MeetingSeries series = lock(id);
            if (series.getNextAt() != null) {
                advance(series, now);
            }
        }
    }

    /**
     * Rows for the occurrences up to the first that is neither over nor cancelled, which is returned; the
     * series then waits until that one's planned end. The series must be locked or new.
     */
    Optional<Meeting> advance(MeetingSeries series, Instant now) {
        List<Instant> starts = series.starts();
        for (int i = 0; i < starts.size(); i++) {
            Instant start = starts.get(i);
            if (series.isCancelled() || !start.plus(series.length()).isAfter(now)) {
                continue;
            }
            Meeting row = row(series, start, now);
            // A meeting ended early or cancelled is done: the next one is the series' meeting of the day.
            if (row.getStatus() == MeetingStatus.SCHEDULED) {
                Instant next = i + 1 < starts.size() ? starts.get(i + 1) : null;
                series.rowsUntil(next, next == null ? null : start.plus(series.length()));
                return Optional.of(row);
            }
        }
        series.rowsUntil(null, null);
        return Optional.empty();
    }

    /** The row of the occurrence that the rule starts at {@code at}, made from the series' plan if missing. */
    Meeting row(MeetingSeries series, Instant at, Instant now) {
        List<Meeting> found = em.createNamedQuery(Meeting.FIND_OCCURRENCES_FROM, Meeting.class)
                .setParameter("series", series.getId()).setParameter("from", at).setMaxResults(1).getResultList();
        if (!found.isEmpty() && found.get(0).getOccurrenceAt().equals(at)) {
            return found.get(0);
        }
        Meeting meeting = new Meeting(series.getRoomId(), series.getCreatedBy(), now);
        meeting.plan(series.planAt(at));
        meeting.occurrenceOf(series.getId(), at);
        em.persist(meeting);
        em.flush();
        return meeting;
    }

    /**
     * The occurrence of a series at {@code at}, which must be one of the rule's (400 naming {@code at} if not);
     * a cancelled series makes no new ones. The caller has checked that the viewer may see the series.
     */
    Meeting occurrence(MeetingSeries series, Instant at, Instant now) {
        if (!series.starts().contains(at)) {
            new FieldProblems().add("at", "meeting.occurrence.notInSeries").throwIfAny();
        }
        if (series.isCancelled()) {
            return em.createNamedQuery(Meeting.FIND_OCCURRENCES_FROM, Meeting.class)
                    .setParameter("series", series.getId()).setParameter("from", at).setMaxResults(1)
                    .getResultStream().filter(m -> m.getOccurrenceAt().equals(at)).findFirst()
                    .orElseThrow(DomainException::notFound);
        }
        return row(series, at, now);
    }

    /**
     * Rows for every occurrence in {@code [from, to)} of the series {@code viewer} may see: the week someone
     * looks at. A series is locked only when one of its occurrences there has no row yet.
     */
    void makeBetween(String viewer, Instant from, Instant to, Instant now, int max) {
        List<MeetingSeries> overlapping = em.createNamedQuery(MeetingSeries.FIND_VISIBLE_BETWEEN, MeetingSeries.class)
                .setParameter("from", from).setParameter("to", to).setParameter("viewer", viewer)
                .setMaxResults(max).getResultList();
        for (MeetingSeries series : overlapping) {
            List<Instant> wanted = series.starts().stream()
                    .filter(s -> s.isBefore(to) && s.plus(series.length()).isAfter(from)).toList();
            if (wanted.isEmpty()) {
                continue;
            }
            List<Instant> present = em.createNamedQuery(Meeting.FIND_OCCURRENCES_FROM, Meeting.class)
                    .setParameter("series", series.getId()).setParameter("from", wanted.get(0))
                    .getResultStream().map(Meeting::getOccurrenceAt).toList();
            if (!present.containsAll(wanted)) {
                MeetingSeries locked = lock(series.getId());
                wanted.forEach(at -> row(locked, at, now));
            }
        }
    }

    /**
     * A later part of {@code series} planned anew from the occurrence {@code from} on: the first occurrence
     * changes the whole series in place; any other splits it, the earlier part ending the day before. The rows
     * from there on follow the new rule in order (a row beyond its end is cancelled), dropping what was changed
     * on its own, as calendars do when a series' pattern changes. Returns the series the occurrence is now in.
     */
    MeetingSeries replan(MeetingSeries series, Meeting from, MeetingPlan plan, Recurrence rule, List<Instant> starts,
            long roomId, Instant now) {
        MeetingSeries target;
        List<Instant> oldStarts = series.starts();
        if (from.getOccurrenceAt().equals(series.getFirstStartsAt())) {
            target = series;
        } else {
            Instant previous = oldStarts.stream().filter(s -> s.isBefore(from.getOccurrenceAt()))
                    .reduce((a, b) -> b).orElseThrow();
            if (starts.get(0).isBefore(previous.plus(series.length()))) {
                new FieldProblems().add("startsAt", "meeting.occurrence.outsideSeries").throwIfAny();
            }
            ZoneId zone = series.zone();
            series.endWith(series.recurrence().endingBefore(from.getOccurrenceAt().atZone(zone).toLocalDate()),
                    previous.plus(series.length()));
            target = new MeetingSeries(roomId, series.getCreatedBy(), now);
        }
        target.plan(plan, rule, starts);
        target.moveToRoom(roomId);
        if (target != series) {
            em.persist(target);
            em.flush();
            series.continuedBy(target.getId());
        }
        List<Meeting> rows = em.createNamedQuery(Meeting.FIND_OCCURRENCES_FROM, Meeting.class)
                .setParameter("series", series.getId()).setParameter("from", from.getOccurrenceAt()).getResultList();
        // The k-th occurrence from the split becomes the new rule's k-th, whichever of them have rows.
        Map<Meeting, Integer> places = new HashMap<>();
        rows.forEach(row -> places.put(row, oldStarts.indexOf(row.getOccurrenceAt()) - oldStarts.indexOf(
                from.getOccurrenceAt())));
        // Cleared first: rows may swap starts, and (series, start) is unique at every flush.
        rows.forEach(Meeting::leaveSeries);
        em.flush();
        for (Meeting row : rows) {
            int place = places.get(row);
            if (place < 0 || place >= starts.size() || row.getStatus() == MeetingStatus.ENDED) {
                // Beyond the new rule: no occurrence any more.
                row.cancel();
            } else if (row.getStatus() == MeetingStatus.CANCELLED) {
                // Cancelled alone, it stays cancelled in its place.
                row.occurrenceOf(target.getId(), starts.get(place));
                row.detach();
            } else {
                row.occurrenceOf(target.getId(), starts.get(place));
                row.plan(target.planAt(starts.get(place)));
                row.moveToRoom(target.getRoomId());
            }
        }
        em.flush();
        advance(target, now);
        if (target != series) {
            advance(series, now);
        }
        return target;
    }

    /**
     * Cancels the occurrence {@code from} and every later one; the first cancels the whole series. A row the
     * rule no longer gives (after an earlier cut) is cancelled alone.
     */
    void cancelFrom(MeetingSeries series, Meeting from, Instant now) {
        List<Instant> old = series.starts();
        if (!old.contains(from.getOccurrenceAt())) {
            from.detach();
            from.cancel();
            return;
        }
        if (from.getOccurrenceAt().equals(series.getFirstStartsAt())) {
            series.cancel();
        } else {
            Instant previous = old.stream().filter(s -> s.isBefore(from.getOccurrenceAt())).reduce((a, b) -> b)
                    .orElseThrow();
            series.endWith(series.recurrence().endingBefore(from.getOccurrenceAt().atZone(series.zone()).toLocalDate()),
                    previous.plus(series.length()));
        }
        em.createNamedQuery(Meeting.FIND_OCCURRENCES_FROM, Meeting.class).setParameter("series", series.getId())
                .setParameter("from", from.getOccurrenceAt()).getResultStream().forEach(row -> {
                    row.detach();
                    row.cancel();
                });
        advance(series, now);
    }

    /** The latest row of a series. */
    Meeting last(MeetingSeries series) {
        List<Meeting> rows = em.createNamedQuery(Meeting.FIND_OCCURRENCES_FROM, Meeting.class)
                .setParameter("series", series.getId()).setParameter("from", series.getFirstStartsAt()).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound();
        }
        return rows.get(rows.size() - 1);
    }

    /** What a meeting's view says of its series: the rule, and the next few occurrences after it. */
    record Outlook(Recurrence rule, List<Instant> next) {
    }

    /**
     * The outlook of each occurrence among {@code meetings}, by meeting id, in two statements whatever their
     * number: their series, and the occurrences cancelled alone (skipped).
     */
    Map<Long, Outlook> outlook(List<Meeting> meetings, int max) {
        List<Long> ids = meetings.stream().map(Meeting::getSeriesId).flatMap(Optional::stream).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, MeetingSeries> series = new HashMap<>();
        em.createNamedQuery(MeetingSeries.FIND_ALL, MeetingSeries.class)
                .setParameter("ids", ids).getResultStream().forEach(s -> series.put(s.getId(), s));
        Map<Long, List<Instant>> skipped = new HashMap<>();
        em.createNamedQuery(Meeting.FIND_SKIPPED_OCCURRENCES, Object[].class).setParameter("series", ids)
                .getResultStream().forEach(r -> skipped.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                        .add((Instant) r[1]));
        Map<Long, List<Instant>> starts = new HashMap<>();
        Map<Long, Outlook> outlook = new HashMap<>();
        for (Meeting m : meetings) {
            MeetingSeries s = m.getSeriesId().map(series::get).orElse(null);
            if (s == null) {
                continue;
            }
            List<Instant> skip = skipped.getOrDefault(s.getId(), List.of());
            List<Instant> next = starts.computeIfAbsent(s.getId(), k -> s.starts()).stream()
                    .filter(at -> at.isAfter(m.getOccurrenceAt())).filter(at -> !skip.contains(at)).limit(max).toList();
            outlook.put(m.getId(), new Outlook(s.recurrence(), next));
        }
        return outlook;
    }
}
