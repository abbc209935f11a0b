package org.meetingportal.meeting;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.meetingportal.platform.FieldProblems;

/**
 * The rules of a series that need no database: a known frequency, an interval of 1–99, real days, a position
 * only with a monthly day, exactly one end (a date or a count), at most {@link Recurrence#MAX_OCCURRENCES}
 * occurrences and none overlapping the next (they share one room). Problems name their field as
 * {@code recurrence.<name>}.
 */
public final class RecurrenceRules {

    /** Calendars write years in four digits. */
    private static final int LAST_YEAR = 9999;

    private RecurrenceRules() {
    }

    /** The rule the input describes; null for none. Problems are added, not thrown. */
    static Recurrence recurrence(MeetingInput.RecurrenceInput input, FieldProblems problems) {
        if (input == null) {
            return null;
        }
        int before = problems.size();
        Frequency frequency = null;
        String named = input.frequency() == null ? "" : input.frequency().strip().toUpperCase(Locale.ROOT);
        try {
            frequency = Frequency.valueOf(named);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (frequency == null || !Recurrence.FREQUENCIES.contains(frequency)) {
            problems.add("recurrence.frequency", "meeting.recurrence.frequency.invalid");
        }
        int interval = input.interval() == null ? 1 : input.interval();
        if (interval < 1 || interval > Recurrence.MAX_INTERVAL) {
            problems.add("recurrence.interval", "meeting.recurrence.interval.invalid", Recurrence.MAX_INTERVAL);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String code : input.byDay() == null ? List.<String>of() : input.byDay()) {
            try {
                days.add(Recurrence.day(code == null ? "" : code));
            } catch (IllegalArgumentException e) {
                problems.add("recurrence.byDay", "meeting.recurrence.byDay.invalid");
                break;
            }
        }
        Integer position = input.bySetPos();
        if (position != null) {
            boolean known = position == -1 || position >= 1 && position <= 4;
            if (!known || frequency != Frequency.MONTHLY || days.isEmpty()) {
                problems.add("recurrence.bySetPos", "meeting.recurrence.bySetPos.invalid");
            }
        }
        LocalDate until = null;
        if (input.until() != null && !input.until().isBlank()) {
            try {
                until = LocalDate.parse(input.until().strip());
                if (until.getYear() > LAST_YEAR) {
                    until = null;
                    problems.add("recurrence.until", "meeting.recurrence.until.invalid");
                }
            } catch (DateTimeException e) {
                problems.add("recurrence.until", "meeting.recurrence.until.invalid");
            }
        }
        Integer count = input.count();
        if (count != null && (count < 1 || count > Recurrence.MAX_OCCURRENCES)) {
            problems.add("recurrence.count", "meeting.recurrence.count.invalid", Recurrence.MAX_OCCURRENCES);
        }
        boolean hasUntil = input.until() != null && !input.until().isBlank();
        if (!hasUntil && count == null) {
            problems.add("recurrence.until", "meeting.recurrence.noEnd");
        } else if (hasUntil && count != null) {
            problems.add("recurrence.count", "meeting.recurrence.twoEnds");
        }
        if (problems.size() > before) {
            return null;
        }
        return new Recurrence(frequency, interval, days, position, until, count);
    }

    /**
     * The starts of every occurrence of a series whose first meeting is {@code firstStart}–{@code firstEnd} in
     * {@code zone}: the first is the first date the rule gives from that start. Problems are added.
     */
    static List<Instant> starts(Recurrence rule, Instant firstStart, Instant firstEnd, ZoneId zone,
            FieldProblems problems) {
        LocalDateTime seed = firstStart.atZone(zone).toLocalDateTime();
        if (rule.until() != null && rule.until().isBefore(seed.toLocalDate())) {
            problems.add("recurrence.until", "meeting.recurrence.until.beforeStart");
            return List.of();
        }
        LocalDateTime horizon = rule.until() != null ? rule.until().plusDays(1).atStartOfDay()
                : seed.plusYears(Recurrence.MAX_OCCURRENCES);
        List<Instant> starts = rule.starts(seed, zone, horizon, Recurrence.MAX_OCCURRENCES);
        if (starts.isEmpty()) {
            problems.add("recurrence", "meeting.recurrence.none");
            return starts;
        }
        if (starts.size() > Recurrence.MAX_OCCURRENCES) {
            problems.add("recurrence.until", "meeting.recurrence.tooMany", Recurrence.MAX_OCCURRENCES);
            return List.of();
        }
        Duration length = Duration.between(firstStart, firstEnd);
        for (int i = 1; i < starts.size(); i++) {
            if (starts.get(i - 1).plus(length).isAfter(starts.get(i))) {
                problems.add("endsAt", "meeting.recurrence.overlaps");
                return List.of();
            }
        }
        return starts;
    }
}
