package org.meetingportal.meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/** A meeting as an admin wants it, after every rule that needs no database has been checked. */
public record MeetingPlan(String title, String description, Instant startsAt, Instant endsAt, ZoneId timeZone,
        Access access, AttendeeRights attendeeRights, boolean muteOnEntry, WaitingRoom waitingRoom, boolean hostFirst,
        Set<String> hosts, Set<String> attendees) {

    public MeetingPlan {
        hosts = Set.copyOf(hosts);
        attendees = Set.copyOf(attendees);
    }
}
