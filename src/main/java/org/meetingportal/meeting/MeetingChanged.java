package org.meetingportal.meeting;

import java.util.Set;

/**
 * A meeting was scheduled, changed or cancelled, fired inside the transaction that did it, so that what its
 * people are sent is kept with the change or not at all.
 *
 * @param meetingId the meeting (for an occurrence of a series, the one acted on)
 * @param formerSeriesId a series that ended earlier because the meeting and the ones after it left it, or null
 * @param removed who was asked before the change and no longer is
 */
public record MeetingChanged(long meetingId, Long formerSeriesId, Set<String> removed) {

    public MeetingChanged {
        removed = Set.copyOf(removed);
    }
}
