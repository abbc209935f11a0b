package org.meetingportal.platform;

import java.time.ZoneId;
import java.util.List;

/** The time zones people choose from: region ids, sorted; bare offsets know no daylight saving and are left out. */
public final class ZoneChoices {

    public static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted()
            .toList();

    private ZoneChoices() {
    }
}
