package org.meetingportal.meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/** A meeting as the person planning it wants it, after every rule that needs no database has been checked. */
public record MeetingPlan(String title, String description, Instant startsAt, Instant endsAt, ZoneId timeZone,
        Access access, AttendeeRights attendeeRights, boolean muteOnEntry, WaitingRoom waitingRoom, boolean hostFirst,
        Set<String> hosts, Set<String> attendees) {

    public MeetingPlan {
        hosts = Set.copyOf(hosts);
        attendees = Set.copyOf(attendees);
    }

    /** The same plan with {@code username} among the hosts (and so no longer among the attendees). */
    MeetingPlan withHost(String username) {
        Set<String> moreHosts = new HashSet<>(hosts);
        moreHosts.add(username);
        Set<String> fewerAttendees = new HashSet<>(attendees);
        fewerAttendees.remove(username);
        return new MeetingPlan(title, description, startsAt, endsAt, timeZone, access, attendeeRights, muteOnEntry,
                waitingRoom, hostFirst, moreHosts, fewerAttendees);
    }
}
