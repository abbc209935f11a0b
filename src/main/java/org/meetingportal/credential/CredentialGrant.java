package org.meetingportal.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.meetingportal.meeting.ParticipantRole;

/** One issued credential, for the audit: who, which meeting, which rights, until when, from where. Never the sig. */
@Entity
@Table(name = "credential_grant")
public class CredentialGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 32)
    private String username;

    @Column(name = "meeting_id")
    private Long meetingId;

    @Column(name = "call_id")
    private Long callId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ParticipantRole role;

    @Column(nullable = false)
    private int privileges;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "user_sig_expires_at", nullable = false)
    private Instant userSigExpiresAt;

    @Column(name = "client_address", nullable = false, length = 64)
    private String clientAddress;

    protected CredentialGrant() {
    }

    /** For exactly one of a meeting or a call. */
    CredentialGrant(String username, Long meetingId, Long callId, ParticipantRole role, int privileges, Instant issuedAt,
            Instant expiresAt, Instant userSigExpiresAt, String clientAddress) {
        this.username = username;
        this.meetingId = meetingId;
        this.callId = callId;
        this.role = role;
        this.privileges = privileges;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.userSigExpiresAt = userSigExpiresAt;
        this.clientAddress = clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public Long getCallId() {
        return callId;
    }

    public ParticipantRole getRole() {
        return role;
    }

    public int getPrivileges() {
        return privileges;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUserSigExpiresAt() {
        return userSigExpiresAt;
    }

    public String getClientAddress() {
        return clientAddress;
    }
}
