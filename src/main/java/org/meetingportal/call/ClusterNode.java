package org.meetingportal.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A node of the cluster, alive while it keeps writing {@code seenAt}. */
@Entity
@Table(name = "cluster_node")
@NamedQuery(name = ClusterNode.FIND_SILENT, query = "select n from ClusterNode n where n.seenAt < :before")
class ClusterNode {

    static final String FIND_SILENT = "ClusterNode.findSilent";

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(name = "seen_at", nullable = false)
    private Instant seenAt;

    protected ClusterNode() {
    }

    ClusterNode(String id, String name, Instant seenAt) {
        this.id = id;
        this.name = name;
        this.seenAt = seenAt;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    void seen(Instant at) {
        seenAt = at;
    }
}
