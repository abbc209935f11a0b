package org.meetingportal.guest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A meeting's guest link, kept only as hashes of its token and passcode. */
@Entity
@Table(name = "guest_link")
@NamedQuery(name = GuestLink.FIND_BY_TOKEN, query = "select l from GuestLink l where l.tokenHash = :hash")
@NamedQuery(name = GuestLink.REVOKE_ALL, query = "update GuestLink l set l.revokedAt = :now where l.meetingId = :meeting"
        + " and l.revokedAt is null")
public class GuestLink {

    public static final String FIND_BY_TOKEN = "GuestLink.findByToken";
    public static final String REVOKE_ALL = "GuestLink.revokeAll";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id", nullable = false, updatable = false)
    private long meetingId;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "passcode_hash", nullable = false, updatable = false, length = 200)
    private String passcodeHash;

    @Column(name = "created_by", nullable = false, updatable = false, length = 32)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected GuestLink() {
    }

    GuestLink(long meetingId, String tokenHash, String passcodeHash, String createdBy, Instant createdAt,
            Instant expiresAt) {
        this.meetingId = meetingId;
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.passcodeHash = Objects.requireNonNull(passcodeHash);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    /** Whether a newer link of its meeting took its place. */
    boolean isRevoked() {
        return revokedAt != null;
    }

    Long getId() {
        return id;
    }

    long getMeetingId() {
        return meetingId;
    }

    String getPasscodeHash() {
        return passcodeHash;
    }

}
