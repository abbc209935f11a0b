package org.meetingportal.call;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The connections of this node, in memory. */
@ApplicationScoped
public class LocalCallFanout implements CallFanout {

    private static final Logger LOG = Logger.getLogger(LocalCallFanout.class.getName());

    private final Map<String, Map<String, Consumer<String>>> pages = new ConcurrentHashMap<>();

    @Override
    public void register(String username, String connection, Consumer<String> sender) {
        pages.computeIfAbsent(username, u -> new ConcurrentHashMap<>()).put(connection, sender);
    }

    @Override
    public void unregister(String username, String connection) {
        pages.computeIfPresent(username, (u, open) -> {
            open.remove(connection);
            return open.isEmpty() ? null : open;
        });
    }

    @Override
    public void send(String username, String connection, String text) {
        Map<String, Consumer<String>> open = pages.getOrDefault(username, Map.of());
        open.forEach((id, sender) -> {
            if (connection == null || connection.equals(id)) {
                try {
                    sender.accept(text);
                } catch (RuntimeException e) {
                    // A page that went away mid-send is cleaned up by its own close event.
                    LOG.log(Level.FINE, "call signal not delivered to " + username, e);
                }
            }
        });
    }
}
