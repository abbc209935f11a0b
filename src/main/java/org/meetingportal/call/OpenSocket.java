package org.meetingportal.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A portal page's call socket, open on one node of a cluster: presence, and where a signal must go. */
@Entity
@Table(name = "call_socket")
@NamedQuery(name = OpenSocket.FIND_OF, query = "select s from OpenSocket s where s.username = :username")
@NamedQuery(name = OpenSocket.FIND_ON_NODE, query = "select s from OpenSocket s where s.nodeId = :node")
@NamedQuery(name = OpenSocket.FIND_PEOPLE, query = "select distinct s.username from OpenSocket s")
@NamedQuery(name = OpenSocket.DELETE_ON_NODE, query = "delete from OpenSocket s where s.nodeId = :node")
class OpenSocket {

    static final String FIND_OF = "OpenSocket.findOf";
    static final String FIND_ON_NODE = "OpenSocket.findOnNode";
    static final String FIND_PEOPLE = "OpenSocket.findPeople";
    static final String DELETE_ON_NODE = "OpenSocket.deleteOnNode";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "node_id", nullable = false, length = 36)
    private String nodeId;

    @Column(nullable = false, length = 32)
    private String username;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    protected OpenSocket() {
    }

    OpenSocket(String id, String nodeId, String username, Instant openedAt) {
        this.id = id;
        this.nodeId = nodeId;
        this.username = username;
        this.openedAt = openedAt;
    }

    String id() {
        return id;
    }

    String username() {
        return username;
    }
}
