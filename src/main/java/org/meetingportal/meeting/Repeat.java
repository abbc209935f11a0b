package org.meetingportal.meeting;

import java.time.LocalDateTime;
import java.util.List;

/** The ways the scheduling page offers to repeat a meeting, each one rule shape of RFC 5545. */
public enum Repeat {
    NEVER,
    DAILY,
    WEEKDAYS,
    WEEKLY,
    MONTHLY_ON_DATE,
    MONTHLY_ON_WEEKDAY;

    private static final List<String> WORKING_DAYS = List.of("MO", "TU", "WE", "TH", "FR");

    /**
     * The rule for this choice. Weekly without chosen days repeats on the start's day; monthly on a weekday takes
     * the start's day and its place in the month (the last when it is the month's fifth).
     */
    MeetingInput.RecurrenceInput input(int interval, List<String> days, LocalDateTime start, Integer count,
            String until) {
        return switch (this) {
            case NEVER -> null;
            case DAILY -> new MeetingInput.RecurrenceInput("DAILY", interval, List.of(), null, until, count);
            case WEEKDAYS -> new MeetingInput.RecurrenceInput("WEEKLY", 1, WORKING_DAYS, null, until, count);
            case WEEKLY -> new MeetingInput.RecurrenceInput("WEEKLY", interval,
                    days.isEmpty() && start != null ? List.of(Recurrence.dayCode(start.getDayOfWeek())) : days, null,
                    until, count);
            case MONTHLY_ON_DATE -> new MeetingInput.RecurrenceInput("MONTHLY", interval, List.of(), null, until, count);
            case MONTHLY_ON_WEEKDAY -> start == null
                    ? new MeetingInput.RecurrenceInput("MONTHLY", interval, List.of(), null, until, count)
                    : new MeetingInput.RecurrenceInput("MONTHLY", interval,
                            List.of(Recurrence.dayCode(start.getDayOfWeek())), position(start), until, count);
        };
    }

    private static int position(LocalDateTime start) {
        int nth = (start.getDayOfMonth() - 1) / 7 + 1;
        return nth > 4 ? -1 : nth;
    }

    /** The choice that shows a rule the API took. */
    static Repeat of(MeetingView.RecurrenceView rule) {
        return switch (rule.frequency()) {
            case "DAILY" -> DAILY;
            case "WEEKLY" -> rule.interval() == 1 && rule.byDay().equals(WORKING_DAYS) ? WEEKDAYS : WEEKLY;
            default -> rule.bySetPos() == null ? MONTHLY_ON_DATE : MONTHLY_ON_WEEKDAY;
        };
    }
}
