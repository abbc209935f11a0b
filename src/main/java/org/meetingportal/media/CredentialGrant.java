package org.meetingportal.media;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import org.meetingportal.meeting.ParticipantRole;

/** One issued credential, for the audit: who, which meeting, which rights, until when, from where. Never the sig. */
@Entity
@Table(name = "credential_grant")
@NamedQuery(name = CredentialGrant.SEARCH, query = "select g from CredentialGrant g where (:username is null or"
        + " g.username = :username) and (:meetingId is null or g.meetingId = :meetingId) order by g.issuedAt desc, g.id desc")
@NamedQuery(name = CredentialGrant.COUNT_SEARCH, query = "select count(g) from CredentialGrant g where (:username is null"
        + " or g.username = :username) and (:meetingId is null or g.meetingId = :meetingId)")
public class CredentialGrant {

    public static final String SEARCH = "CredentialGrant.search";
    public static final String COUNT_SEARCH = "CredentialGrant.countSearch";

    /** Looked up once: finding the provider is a service-loader search. */
    private static final JsonProvider JSON = JsonProvider.provider();

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

    /** This grant as one line of the journal that it is written to before it reaches the database. */
    String toJournalLine() {
        JsonObjectBuilder line = JSON.createObjectBuilder().add("username", username)
                .add("role", role.name()).add("privileges", privileges).add("issuedAt", issuedAt.toString())
                .add("expiresAt", expiresAt.toString()).add("userSigExpiresAt", userSigExpiresAt.toString())
                .add("clientAddress", clientAddress);
        if (meetingId != null) {
            line.add("meetingId", meetingId);
        }
        if (callId != null) {
            line.add("callId", callId);
        }
        return line.build().toString();
    }

    /** A grant read back from its journal line, not yet persisted. */
    static CredentialGrant fromJournalLine(String text) {
        JsonObject line = JSON.createReader(new StringReader(text)).readObject();
        return new CredentialGrant(line.getString("username"), optionalNumber(line, "meetingId"),
                optionalNumber(line, "callId"), ParticipantRole.valueOf(line.getString("role")),
                line.getInt("privileges"), Instant.parse(line.getString("issuedAt")),
                Instant.parse(line.getString("expiresAt")), Instant.parse(line.getString("userSigExpiresAt")),
                line.getString("clientAddress"));
    }

    private static Long optionalNumber(JsonObject line, String name) {
        JsonValue value = line.get(name);
        return value == null || value == JsonValue.NULL ? null : line.getJsonNumber(name).longValueExact();
    }
}
