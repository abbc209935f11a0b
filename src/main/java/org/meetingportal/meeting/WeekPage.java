package org.meetingportal.meeting;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.platform.FacesMessages;

/**
 * {@code /week.xhtml?start=2026-12-07}: the viewer's meetings of one week, Monday to Sunday in their own time
 * zone, day by day; any date shows the week it falls in, none this week.
 */
@Named
@RequestScoped
public class WeekPage {

    /** More than anyone has in a week; the rest is in My meetings' lists. */
    static final int MOST = 300;

    /** One day of the week and the meetings that take place on it (a meeting over midnight on both days). */
    public record Day(LocalDate date, String name, boolean today, List<MeetingView> meetings) {
    }

    @Inject
    MeetingService meetings;

    @Inject
    CurrentUser currentUser;

    private String start;
    private LocalDate monday;
    private List<Day> days;

    public void load() {
        ZoneId zone = currentUser.zone();
        LocalDate shown = LocalDate.now(zone);
        if (start != null && !start.isBlank()) {
            try {
                shown = LocalDate.parse(start.strip());
            } catch (DateTimeException e) {
                FacesMessages.error("week.invalid");
            }
        }
        monday = shown.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<MeetingView> week = meetings.between(currentUser.account().orElseThrow(),
                monday.atStartOfDay(zone).toInstant(), monday.plusWeeks(1).atStartOfDay(zone).toInstant(), MOST);
        DateTimeFormatter dayName = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale());
        LocalDate today = LocalDate.now(zone);
        days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            var from = date.atStartOfDay(zone).toInstant();
            var to = date.plusDays(1).atStartOfDay(zone).toInstant();
            days.add(new Day(date, dayName.format(date), date.equals(today), week.stream()
                    .filter(m -> m.startsAtInstant().isBefore(to) && m.endsAtInstant().isAfter(from)).toList()));
        }
    }

    public List<Day> getDays() {
        return days;
    }

    public LocalDate getMonday() {
        return monday;
    }

    public LocalDate getPreviousWeek() {
        return monday.minusWeeks(1);
    }

    public LocalDate getNextWeek() {
        return monday.plusWeeks(1);
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }
}
