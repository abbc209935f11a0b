package org.meetingportal.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Fixed windows per person in this JVM. Enough for one node; idle entries are forgotten as windows pass,
 * so memory stays proportional to the people who asked in the last window.
 */
@ApplicationScoped
@Typed(LocalCredentialRateLimiter.class)
public class LocalCredentialRateLimiter implements CredentialRateLimiter {

    private record Window(Instant start, int requests) {
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    @Override
    public Duration acquire(String username, Instant now, int limitPerWindow, Duration window) {
        Window[] seen = new Window[1];
        windows.compute(username, (name, current) -> {
            Window fresh = current == null || !now.isBefore(current.start().plus(window)) ? new Window(now, 0) : current;
            seen[0] = fresh;
            return fresh.requests() >= limitPerWindow ? fresh : new Window(fresh.start(), fresh.requests() + 1);
        });
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        }
        Window counted = seen[0];
        return counted.requests() >= limitPerWindow ? Duration.between(now, counted.start().plus(window)) : Duration.ZERO;
    }
}
