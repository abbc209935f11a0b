package org.meetingportal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The stored {@link ThrottlePolicy.Counter} of one account ({@code account:name}) or address ({@code address:ip}). */
@Entity
@Table(name = "sign_in_throttle")
@NamedQuery(name = SignInThrottle.DELETE_STALE, query = "delete from SignInThrottle t where t.windowStartedAt < :before"
        + " and (t.lockedUntil is null or t.lockedUntil < :now)")
public class SignInThrottle {

    public static final String DELETE_STALE = "SignInThrottle.deleteStale";

    @Id
    @Column(name = "throttle_key", length = 120)
    private String key;

    @Column(name = "window_started_at", nullable = false)
    private Instant windowStartedAt;

    @Column(nullable = false)
    private int failures;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Version
    private long version;

    protected SignInThrottle() {
    }

    SignInThrottle(String key, ThrottlePolicy.Counter counter) {
        this.key = key;
        record(counter);
    }

    ThrottlePolicy.Counter counter() {
        return new ThrottlePolicy.Counter(windowStartedAt, failures, lockedUntil);
    }

    void record(ThrottlePolicy.Counter counter) {
        this.windowStartedAt = counter.windowStartedAt();
        this.failures = counter.failures();
        this.lockedUntil = counter.lockedUntil();
    }
}
