package org.meetingportal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Instants on pages, as {@code #{timeFormat.of(instant)}}, always with the zone named. */
@Named
@ApplicationScoped
public class TimeFormat {

    public String of(Instant instant) {
        if (instant == null) {
            return "—";
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(FacesMessages.locale())
                .withZone(ZoneOffset.UTC);
        return format.format(instant) + " UTC";
    }
}
