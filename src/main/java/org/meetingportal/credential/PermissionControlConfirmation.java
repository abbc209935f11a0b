package org.meetingportal.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An admin's word, with who and when, that TRTC's advanced permission control is on for the application. */
@Entity
@Table(name = "permission_control_confirmation")
@NamedQuery(name = PermissionControlConfirmation.FIND_NEWEST,
        query = "select c from PermissionControlConfirmation c order by c.confirmedAt desc, c.id desc")
public class PermissionControlConfirmation {

    public static final String FIND_NEWEST = "PermissionControlConfirmation.findNewest";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "confirmed_by", nullable = false, length = 32)
    private String confirmedBy;

    @Column(name = "confirmed_at", nullable = false)
    private Instant confirmedAt;

    protected PermissionControlConfirmation() {
    }

    PermissionControlConfirmation(String confirmedBy, Instant confirmedAt) {
        this.confirmedBy = confirmedBy;
        this.confirmedAt = confirmedAt;
    }

    String confirmedBy() {
        return confirmedBy;
    }

    Instant confirmedAt() {
        return confirmedAt;
    }
}
