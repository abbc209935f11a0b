package org.meetingportal.meeting;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.stream.Collectors;
import org.meetingportal.account.TimeFormat;
import org.meetingportal.platform.FacesMessages;
import org.meetingportal.platform.Messages;

/**
 * How a series repeats and what comes next, in the page's language: "Every 2 weeks on Mon, Wed, 10 times";
 * "Next: …". Times are the viewer's, as everywhere on the pages.
 */
@Named
@RequestScoped
public class RepeatText {

    @Inject
    TimeFormat timeFormat;

    /** The rule of the meeting's series in words; empty for a single meeting. */
    public String describe(MeetingView meeting) {
        return meeting.recurrence() == null ? "" : words(meeting.recurrence(), meeting.startsAt(), FacesMessages.locale());
    }

    /** A rule in words in {@code locale}, for a series whose first occurrence starts at {@code startsAt}. */
    public static String words(MeetingView.RecurrenceView rule, OffsetDateTime startsAt, Locale locale) {
        String every = switch (Repeat.of(rule)) {
            case WEEKDAYS -> Messages.text(locale, "meeting.repeats.WEEKDAYS");
            case WEEKLY -> Messages.text(locale, "meeting.repeats.WEEKLY", rule.interval(), rule.byDay().isEmpty()
                    ? startsAt.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale)
                    : rule.byDay().stream().map(code -> Recurrence.day(code).getDisplayName(TextStyle.SHORT, locale))
                            .collect(Collectors.joining(", ")));
            case MONTHLY_ON_DATE -> Messages.text(locale, "meeting.repeats.MONTHLY_ON_DATE", rule.interval(),
                    startsAt.getDayOfMonth());
            case MONTHLY_ON_WEEKDAY -> Messages.text(locale, "meeting.repeats.MONTHLY_ON_WEEKDAY", rule.interval(),
                    Messages.text(locale, "meeting.repeats.position." + rule.bySetPos()),
                    day(rule).getDisplayName(TextStyle.FULL, locale));
            default -> Messages.text(locale, "meeting.repeats.DAILY", rule.interval());
        };
        String end = rule.count() != null ? Messages.text(locale, "meeting.repeats.count", rule.count())
                : Messages.text(locale, "meeting.repeats.until", DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale).format(LocalDate.parse(rule.until())));
        return every + Messages.text(locale, "meeting.repeats.separator") + end;
    }

    /** The next occurrences after this one, in the viewer's zone; empty when none follow. */
    public String next(MeetingView meeting) {
        return meeting.nextOccurrences().stream().map(OffsetDateTime::toInstant).map(timeFormat::of)
                .collect(Collectors.joining("; "));
    }

    private static DayOfWeek day(MeetingView.RecurrenceView rule) {
        return Recurrence.day(rule.byDay().get(0));
    }
}
