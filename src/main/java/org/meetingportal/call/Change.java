package org.meetingportal.call;

import java.time.Instant;

/** A call's new state, to be recorded. */
public record Change(long callId, CallState state, Instant at) {
}
