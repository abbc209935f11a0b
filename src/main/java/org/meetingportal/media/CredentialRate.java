package org.meetingportal.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One person's credential requests in the current window; kept in the database so that all nodes count together. */
@Entity
@Table(name = "credential_rate")
public class CredentialRate {

    @Id
    @Column(length = 32)
    private String username;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(nullable = false)
    private int requests;

    protected CredentialRate() {
    }

    CredentialRate(String username, Instant now) {
        this.username = username;
        this.windowStart = now;
    }

    /**
     * Counts one more request at {@code now}.
     *
     * @return how long to wait when this one is over {@code limit} in its window, else zero
     */
    Duration count(Instant now, Duration window, int limit) {
        if (!now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            requests = 0;
        }
        if (requests >= limit) {
            return Duration.between(now, windowStart.plus(window));
        }
        requests++;
        return Duration.ZERO;
    }
}
