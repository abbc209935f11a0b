package org.meetingportal.call;

import java.util.Collection;

/**
 * Delivers call signals to the open pages of a person. One node keeps its connections in memory
 * ({@link LocalCallFanout}); a cluster puts a shared broker behind this interface, so that a signal for a
 * person reaches their pages on whichever node they are connected.
 */
public interface CallFanout {

    /** An open page as the fan-out reaches it. Both methods may fail for a page that has gone away. */
    interface Receiver {
        void send(String text);

        /** A ping frame: the cheapest way to find out that a connection died without a word. */
        void probe();
    }

    void register(String username, String connection, Receiver page);

    void unregister(String username, String connection);

    /** To one connection of a person, or to all their connections when {@code connection} is null. */
    void send(String username, String connection, String text);

    /**
     * To all the pages of a person, on whichever node they are, once the caller's transaction commits (at
     * once without one): a decision that is rolled back is never announced.
     */
    void publish(String username, String text);

    /** Probes every connection of these people on this node. */
    void probe(Collection<String> usernames);

    /** Probes every connection on this node. */
    void probeAll();
}
