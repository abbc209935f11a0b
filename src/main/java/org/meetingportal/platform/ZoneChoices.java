package org.meetingportal.platform;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/**
 * The time zones people choose from: UTC first, then region ids, sorted; other bare offsets know no daylight saving
 * and are left out. UTC is among them because it is what a browser that says nothing reports: without it, such a
 * person's form would open on the alphabet's first zone.
 */
public final class ZoneChoices {

    public static final List<String> ZONES = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted())
            .toList();

    private ZoneChoices() {
    }
}
