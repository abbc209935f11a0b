package org.meetingportal.meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.meetingportal.account.Account;

/**
 * What the people of a meeting are told about it: its plan, and the calendar entries each of them may read.
 * People asked to the whole series get the series' entries (its rule, its exceptions); someone asked to one
 * occurrence alone gets that occurrence's own entry.
 *
 * @param people everyone asked, as accounts
 * @param seriesPeople who is asked to the whole series; empty for a single meeting
 * @param seriesEvents the series' entries, or empty for a single meeting
 * @param own the meeting's own entry
 * @param rule how the series repeats, or null
 */
public record MeetingNotice(long meetingId, Long seriesId, String title, String description, Instant startsAt,
        Instant endsAt, ZoneId zone, boolean cancelled, Recurrence rule, List<Account> people,
        Set<String> seriesPeople, List<CalendarEvent> seriesEvents, CalendarEvent own) {

    public MeetingNotice {
        people = List.copyOf(people);
        seriesPeople = Set.copyOf(seriesPeople);
        seriesEvents = List.copyOf(seriesEvents);
    }

    /** Whether {@code username} is asked to this meeting itself (not only to other occurrences of its series). */
    public boolean asksToThis(String username) {
        return own.attendees().stream().anyMatch(c -> c.username().equals(username));
    }

    /** How the series repeats, in words; empty for a single meeting. */
    public Optional<String> repeats(Locale locale) {
        return Optional.ofNullable(rule).map(r -> RepeatText.words(MeetingView.RecurrenceView.of(r),
                startsAt.atZone(zone).toOffsetDateTime(), locale));
    }

    /** The page its link opens: the series' meeting of the day for the series' people. */
    public String path(String username) {
        return seriesFor(username) ? "/meeting.xhtml?series=" + seriesId : "/meeting.xhtml?id=" + meetingId;
    }

    /**
     * What one change of what {@code username} gets is known by: the entry's UID and SEQUENCE, which rise
     * together with every change a calendar must hear of.
     */
    public String changeKey(String username) {
        CalendarEvent first = events(username).get(0);
        return first.uid() + "#" + first.sequence();
    }

    /** Whether what {@code username} gets calls the meeting (or the whole series) off. */
    public boolean cancelledFor(String username) {
        return events(username).get(0).cancelled();
    }

    /** The calendar file for {@code username}, who sees everyone's address only as a host. */
    public String calendar(String username, String meetingUrl) {
        List<CalendarEvent> events = events(username);
        boolean host = events.get(0).isHost(username);
        return CalendarFile.write(events.stream().map(e -> e.readBy(username, host)).toList(), meetingUrl);
    }

    /** The file that takes the meeting out of the calendar of someone no longer asked to it. */
    public String cancellation(String username, String meetingUrl) {
        List<CalendarEvent> events = seriesEvents.isEmpty() ? List.of(own) : seriesEvents;
        return CalendarFile.write(events.stream().map(e -> e.calledOff().readBy(username, false)).toList(),
                meetingUrl);
    }

    /** The change key of the file {@link #cancellation} writes. */
    public String cancellationKey() {
        CalendarEvent first = seriesEvents.isEmpty() ? own : seriesEvents.get(0);
        return first.uid() + "#" + first.sequence();
    }

    private boolean seriesFor(String username) {
        return !seriesEvents.isEmpty() && seriesPeople.contains(username);
    }

    private List<CalendarEvent> events(String username) {
        return seriesFor(username) ? seriesEvents : List.of(own);
    }
}
