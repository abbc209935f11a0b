package org.meetingportal.meeting;

import java.time.Duration;
import java.time.Instant;

/**
 * When a meeting can be joined: from {@code startsAt - early} until {@code endsAt}. Pure rules; the early
 * part comes from {@code PORTAL_JOIN_EARLY_MINUTES}.
 */
public record JoinWindow(Instant opensAt, Instant closesAt) {

    public static JoinWindow of(Instant startsAt, Instant endsAt, Duration early) {
        return new JoinWindow(startsAt.minus(early), endsAt);
    }

    public MeetingPhase stateAt(MeetingStatus status, Instant now) {
        if (status == MeetingStatus.CANCELLED) {
            return MeetingPhase.CANCELLED;
        }
        if (status == MeetingStatus.ENDED) {
            return MeetingPhase.ENDED;
        }
        if (now.isBefore(opensAt)) {
            return MeetingPhase.UPCOMING;
        }
        return now.isBefore(closesAt) ? MeetingPhase.OPEN : MeetingPhase.ENDED;
    }
}
