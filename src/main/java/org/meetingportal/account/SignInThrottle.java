package org.meetingportal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The stored {@link ThrottlePolicy.Counter} of one {@link ThrottleKey}. */
@Entity
@Table(name = "sign_in_throttle")
@NamedQuery(name = SignInThrottle.DELETE_STALE, query = "delete from SignInThrottle t where t.lastFailureAt < :before"
        + " and (t.pausedUntil is null or t.pausedUntil < :now)")
@NamedQuery(name = SignInThrottle.DELETE_FOR_USER, query = "delete from SignInThrottle t where t.username = :username")
@NamedQuery(name = SignInThrottle.PAUSED_UNTIL, query = "select t.username, max(t.pausedUntil) from SignInThrottle t"
        + " where t.username in :usernames and t.pausedUntil > :now group by t.username")
public class SignInThrottle {

    public static final String DELETE_STALE = "SignInThrottle.deleteStale";
    public static final String DELETE_FOR_USER = "SignInThrottle.deleteForUser";
    public static final String PAUSED_UNTIL = "SignInThrottle.pausedUntil";

    @Id
    @Column(name = "throttle_key", length = 200)
    private String key;

    @Column(length = 100)
    private String username;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "paused_until")
    private Instant pausedUntil;

    @Version
    private long version;

    protected SignInThrottle() {
    }

    SignInThrottle(ThrottleKey key, ThrottlePolicy.Counter counter) {
        this.key = key.id();
        this.username = key.username();
        record(counter);
    }

    ThrottlePolicy.Counter counter() {
        return new ThrottlePolicy.Counter(failures, lastFailureAt, pausedUntil);
    }

    void record(ThrottlePolicy.Counter counter) {
        this.failures = counter.failures();
        this.lastFailureAt = counter.lastFailureAt();
        this.pausedUntil = counter.pausedUntil();
    }
}
