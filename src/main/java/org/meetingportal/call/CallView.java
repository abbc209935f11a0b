package org.meetingportal.call;

import java.time.Instant;
import org.meetingportal.meeting.Person;

/**
 * A call as its parties see it: the other person, whether it was incoming or outgoing, how it went.
 * {@code missed} is true for calls to the viewer that nobody answered.
 */
public record CallView(long id, Person other, boolean incoming, Media media, CallState state, Instant startedAt,
        Instant answeredAt, Instant endedAt, boolean missed) {
}
