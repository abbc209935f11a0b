package org.meetingportal.call;

import java.util.function.Consumer;

/**
 * Delivers call signals to the open pages of a person. One node keeps its connections in memory
 * ({@link LocalCallFanout}); a cluster puts a shared broker behind this interface, so that a signal for a
 * person reaches their pages on whichever node they are connected.
 */
public interface CallFanout {

    /** A page's connection, and how to send it text. */
    void register(String username, String connection, Consumer<String> sender);

    void unregister(String username, String connection);

    /** To one connection of a person, or to all their connections when {@code connection} is null. */
    void send(String username, String connection, String text);
}
