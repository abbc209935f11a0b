package org.meetingportal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.meetingportal.platform.FacesMessages;

/**
 * Instants on pages, as {@code #{timeFormat.of(instant)}}: in the viewer's time zone and language, always
 * with the zone named, so that nobody has to guess whose nine o'clock it is.
 */
@Named
@RequestScoped
public class TimeFormat {

    @Inject
    CurrentUser currentUser;

    /** Date, time and zone: "Dec 1, 2026, 9:00 AM (Asia/Shanghai)". */
    public String of(Instant instant) {
        if (instant == null) {
            return "—";
        }
        return dateTime().format(instant) + " (" + zone().getId() + ")";
    }

    /** A span on one line: "Dec 1, 2026, 9:00 AM – 10:00 AM (Asia/Shanghai)", the date once when it is one day. */
    public String span(Instant start, Instant end) {
        return span(start, end, zone(), formatLocale());
    }

    /** A span on one line in {@code zone}, written as {@code locale} writes dates and times. */
    public static String span(Instant start, Instant end, ZoneId zone, Locale locale) {
        boolean sameDay = start.atZone(zone).toLocalDate().equals(end.atZone(zone).toLocalDate());
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        DateTimeFormatter endFormat = sameDay
                ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone)
                : dateTime;
        return dateTime.format(start) + " – " + endFormat.format(end) + " (" + zone.getId() + ")";
    }

    /** Times of day only, for a list of one day's meetings: "9:00 AM – 10:00 AM". */
    public String hours(Instant start, Instant end) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(formatLocale())
                .withZone(zone());
        return time.format(start) + " – " + time.format(end);
    }

    /** An instant as ISO-8601 UTC, for scripts that count down to it. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private DateTimeFormatter dateTime() {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(formatLocale()).withZone(zone());
    }

    /**
     * The browser's own locale when it is a variant of the page's language (en-GB gets 24-hour times on
     * English pages), otherwise the page's language.
     */
    private Locale formatLocale() {
        Locale page = FacesMessages.locale();
        Locale browser = FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
        return browser != null && browser.getLanguage().equals(page.getLanguage()) ? browser : page;
    }

    private ZoneId zone() {
        return currentUser.isSignedIn() ? currentUser.zone() : ZoneId.of("UTC");
    }
}
