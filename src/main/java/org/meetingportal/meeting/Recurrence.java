package org.meetingportal.meeting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * How a series repeats, in RFC 5545's terms: daily, weekly on chosen days, or monthly (on the start's date, or
 * on the {@code bySetPos}th of {@code byDay}), every {@code interval}, until a date (inclusive, in the series'
 * zone) or {@code count} times. Occurrences are expanded by ical4j in the series' local time and then placed in
 * its zone, so 09:00 in Berlin stays 09:00 in Berlin across daylight saving; a local time that a change skips is
 * moved forward by the gap, as RFC 5545 asks.
 */
public record Recurrence(Frequency frequency, int interval, Set<DayOfWeek> byDay, Integer bySetPos, LocalDate until,
        Integer count) {

    /** A series has at most this many occurrences. */
    public static final int MAX_OCCURRENCES = 300;
    public static final int MAX_INTERVAL = 99;
    static final Set<Frequency> FREQUENCIES = EnumSet.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY);

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public Recurrence {
        byDay = byDay.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(byDay));
    }

    /** The rule as kept and as ical4j expands it: UNTIL in the series' local time. */
    public String rule() {
        return rule(until == null ? null : LOCAL.format(lastLocalMoment()));
    }

    /** The rule as a calendar file carries it beside a DTSTART with TZID: UNTIL in UTC (RFC 5545, 3.3.10). */
    public String ruleForCalendar(ZoneId zone) {
        return rule(until == null ? null : UTC.format(lastLocalMoment().atZone(zone).toInstant()));
    }

    private LocalDateTime lastLocalMoment() {
        return until.atTime(LocalTime.of(23, 59, 59));
    }

    private String rule(String untilText) {
        StringBuilder rule = new StringBuilder("FREQ=").append(frequency.name());
        if (interval > 1) {
            rule.append(";INTERVAL=").append(interval);
        }
        if (!byDay.isEmpty()) {
            rule.append(";BYDAY=");
            rule.append(String.join(",", days().stream().map(Recurrence::dayCode).toList()));
        }
        if (bySetPos != null) {
            rule.append(";BYSETPOS=").append(bySetPos);
        }
        if (untilText != null) {
            rule.append(";UNTIL=").append(untilText);
        }
        if (count != null) {
            rule.append(";COUNT=").append(count);
        }
        return rule.toString();
    }

    /** The days in week order, Monday first. */
    public List<DayOfWeek> days() {
        return byDay.stream().sorted().toList();
    }

    /** A rule this class wrote, read back. */
    public static Recurrence parse(String rule) {
        Recur<LocalDateTime> recur = new Recur<>(rule);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        recur.getDayList().forEach(d -> days.add(WeekDay.getDayOfWeek(d)));
        List<Integer> positions = recur.getSetPosList();
        return new Recurrence(recur.getFrequency(), Math.max(1, recur.getInterval()), days,
                positions.isEmpty() ? null : positions.get(0),
                recur.getUntil() == null ? null : recur.getUntil().toLocalDate(),
                recur.getCount() > 0 ? recur.getCount() : null);
    }

    /** This rule ending before the local date {@code day}: the first part of a series split there. */
    public Recurrence endingBefore(LocalDate day) {
        return new Recurrence(frequency, interval, byDay, bySetPos, day.minusDays(1), null);
    }

    /** This rule with at most {@code remaining} occurrences, when it counts them; for the later part of a split. */
    public Recurrence withRemaining(int remaining) {
        return count == null ? this : new Recurrence(frequency, interval, byDay, bySetPos, null, remaining);
    }

    /**
     * The local starts of the occurrences from {@code seed} (the first of the series when it fits the rule)
     * until {@code notAfter}, at most {@code max + 1} of them so that a caller can tell "too many".
     */
    public List<LocalDateTime> localStarts(LocalDateTime seed, LocalDateTime notAfter, int max) {
        Recur<LocalDateTime> recur = new Recur<>(rule());
        return new ArrayList<>(recur.getDates(seed, seed, notAfter, max + 1));
    }

    /** The occurrences' starts as instants in {@code zone}. */
    public List<Instant> starts(LocalDateTime seed, ZoneId zone, LocalDateTime notAfter, int max) {
        return localStarts(seed, notAfter, max).stream().map(local -> local.atZone(zone).toInstant()).toList();
    }

    static String dayCode(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    static DayOfWeek day(String code) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (dayCode(day).equals(code.strip().toUpperCase(Locale.ROOT))) {
                return day;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
