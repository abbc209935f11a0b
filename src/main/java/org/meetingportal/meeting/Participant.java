package org.meetingportal.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** A person in a meeting, by username (their TRTC userId), and as what. */
@Embeddable
public class Participant {

    @Column(nullable = false, length = 32)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ParticipantRole role;

    protected Participant() {
    }

    public Participant(String username, ParticipantRole role) {
        this.username = Objects.requireNonNull(username);
        this.role = Objects.requireNonNull(role);
    }

    public String getUsername() {
        return username;
    }

    public ParticipantRole getRole() {
        return role;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Participant other && username.equals(other.username) && role == other.role;
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, role);
    }
}
