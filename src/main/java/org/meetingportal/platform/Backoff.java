package org.meetingportal.platform;

import java.time.Duration;

/** How long to wait before trying again: doubling from {@code first} after each failed attempt, at most {@code longest}. */
public record Backoff(Duration first, Duration longest) {

    /** The pause after the given number of failed attempts. */
    public Duration after(int attempts) {
        Duration pause = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return pause.compareTo(longest) > 0 ? longest : pause;
    }
}
