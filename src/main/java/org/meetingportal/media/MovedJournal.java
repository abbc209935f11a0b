package org.meetingportal.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A journal of grants already carried into the audit, so that a file left by a crash is not carried twice. */
@Entity
@Table(name = "audit_journal")
@NamedQuery(name = MovedJournal.DELETE_BEFORE, query = "delete from MovedJournal j where j.movedAt < :before")
public class MovedJournal {

    public static final String DELETE_BEFORE = "MovedJournal.deleteBefore";

    @Id
    @Column(length = 100)
    private String name;

    @Column(name = "moved_at", nullable = false)
    private Instant movedAt;

    protected MovedJournal() {
    }

    MovedJournal(String name, Instant movedAt) {
        this.name = name;
        this.movedAt = movedAt;
    }
}
