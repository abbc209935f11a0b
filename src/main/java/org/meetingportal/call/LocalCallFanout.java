package org.meetingportal.call;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.meetingportal.account.AccountRules;
import org.meetingportal.platform.AfterCommit;

/** The connections of this node, in memory: all of the fan-out for one node, the local half of a cluster's. */
@ApplicationScoped
@Typed(LocalCallFanout.class)
public class LocalCallFanout implements CallFanout {

    private static final Logger LOG = Logger.getLogger(LocalCallFanout.class.getName());

    private final Map<String, Map<String, Receiver>> pages = new ConcurrentHashMap<>();

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public void register(String username, String connection, Receiver page) {
        // Inside compute: an unregister of the person's last other page must not drop the map under this one.
        pages.compute(username, (u, open) -> {
            Map<String, Receiver> all = open == null ? new ConcurrentHashMap<>() : open;
            all.put(connection, page);
            return all;
        });
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
        pages.getOrDefault(username, Map.of()).forEach((id, page) -> {
            if (connection == null || connection.equals(id)) {
                quietly(username, page, p -> p.send(text));
            }
        });
    }

    @Override
    public void publish(String username, String text) {
        AfterCommit.run(transactions, () -> send(username, null, text));
    }

    /** To every connection of the company's people on this node: who is online is nothing for a guest to hear. */
    void everyone(String text) {
        pages.forEach((username, open) -> {
            if (!AccountRules.isGuest(username)) {
                open.values().forEach(page -> quietly(username, page, p -> p.send(text)));
            }
        });
    }

    @Override
    public void probe(Collection<String> usernames) {
        usernames.forEach(username -> pages.getOrDefault(username, Map.of())
                .values().forEach(page -> quietly(username, page, Receiver::probe)));
    }

    @Override
    public void probeAll() {
        probe(pages.keySet());
    }

    /** A page that went away mid-send has already been reported gone by its connection. */
    private static void quietly(String username, Receiver page, Consumer<Receiver> action) {
        try {
            action.accept(page);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "call signal not delivered to " + username, e);
        }
    }
}
