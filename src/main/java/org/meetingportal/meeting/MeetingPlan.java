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

    /** Who takes part as what: the hosts, then everyone else named as an attendee. */
    static Set<Participant> participants(MeetingPlan plan) {
        Set<Participant> participants = new HashSet<>();
        plan.hosts().forEach(u -> participants.add(new Participant(u, ParticipantRole.HOST)));
        plan.attendees().stream().filter(u -> !plan.hosts().contains(u))
                .forEach(u -> participants.add(new Participant(u, ParticipantRole.ATTENDEE)));
        return participants;
    }

    /** The same plan at another time, as long as before. */
    MeetingPlan at(Instant start) {
        return new MeetingPlan(title, description, start, start.plus(java.time.Duration.between(startsAt, endsAt)),
                timeZone, access, attendeeRights, muteOnEntry, waitingRoom, hostFirst, hosts, attendees);
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
