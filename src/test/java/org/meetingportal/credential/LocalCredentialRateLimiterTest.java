package org.meetingportal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalCredentialRateLimiterTest {

    private final LocalCredentialRateLimiter limiter = new LocalCredentialRateLimiter();
    private final Instant start = Instant.parse("2026-11-21T09:00:00Z");
    private final Duration minute = Duration.ofMinutes(1);

    @Test
    void allowsTheLimitPerWindowThenSaysHowLongToWait() {
        for (int i = 0; i < 30; i++) {
            assertEquals(Duration.ZERO, limiter.acquire("alice", start.plusSeconds(i), 30, minute));
        }
        assertEquals(Duration.ofSeconds(20), limiter.acquire("alice", start.plusSeconds(40), 30, minute));
        assertEquals(Duration.ZERO, limiter.acquire("bob", start.plusSeconds(40), 30, minute), "per person");
        assertEquals(Duration.ZERO, limiter.acquire("alice", start.plusSeconds(60), 30, minute), "a new window");
    }

    @Test
    void refusedRequestsDoNotExtendTheWait() {
        limiter.acquire("carol", start, 1, minute);
        limiter.acquire("carol", start.plusSeconds(10), 1, minute);
        limiter.acquire("carol", start.plusSeconds(20), 1, minute);
        assertEquals(Duration.ofSeconds(30), limiter.acquire("carol", start.plusSeconds(30), 1, minute));
    }
}
