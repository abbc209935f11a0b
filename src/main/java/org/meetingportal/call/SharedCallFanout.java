package org.meetingportal.call;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The fan-out of a cluster, through PostgreSQL's LISTEN/NOTIFY: a signal is published in the transaction that
 * decided it, and PostgreSQL hands it, once that transaction has committed and in commit order, to every node,
 * which passes it to its own connections of the person. Pages connected here are held by {@link LocalCallFanout}.
 */
@ApplicationScoped
@Typed(SharedCallFanout.class)
public class SharedCallFanout implements CallFanout {

    static final String CHANNEL = "portal_calls";

    /** The payload's format: a node of another version drops what it cannot read rather than guess. */
    private static final int FORMAT = 1;

    /** PostgreSQL refuses payloads of 8,000 bytes and more. */
    private static final int MAX_PAYLOAD = 7900;

    private static final Logger LOG = Logger.getLogger(SharedCallFanout.class.getName());

    @Inject
    LocalCallFanout here;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:comp/env/jdbc/portal")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    private volatile boolean running;
    private final CountDownLatch listening = new CountDownLatch(1);
    private Thread listener;

    /** Returns once this node listens, so that no signal published after its first page connected is missed. */
    @PostConstruct
    void start() {
        running = true;
        listener = threads.newThread(this::listen);
        listener.setName("portal-call-signals");
        listener.start();
        try {
            if (!listening.await(10, TimeUnit.SECONDS)) {
                LOG.warning("Calls: not yet listening for the cluster's signals; trying on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The listener ends its loop within a second and gives its connection back to the pool itself, having
     * stopped listening: a pooled connection must never be used by two threads, nor keep listening.
     */
    @PreDestroy
    void stop() {
        running = false;
        if (listener != null) {
            try {
                listener.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void register(String username, String connection, Receiver page) {
        here.register(username, connection, page);
    }

    @Override
    public void unregister(String username, String connection) {
        here.unregister(username, connection);
    }

    /** To a page on this node: what a page's own message is answered with, never a decision of the board. */
    @Override
    public void send(String username, String connection, String text) {
        here.send(username, connection, text);
    }

    @Override
    public void probe(Collection<String> usernames) {
        here.probe(usernames);
    }

    @Override
    public void probeAll() {
        here.probeAll();
    }

    @Override
    @Transactional
    public void publish(String username, String text) {
        publish(username, null, text);
    }

    /**
     * Publishes a signal in the caller's transaction: to one connection of a person, to all of theirs
     * ({@code connection} null), or to everyone ({@code username} null).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void publish(String username, String connection, String text) {
        JsonObjectBuilder payload = Json.createObjectBuilder().add("format", FORMAT).add("text", text);
        if (username != null) {
            payload.add("to", username);
        }
        if (connection != null) {
            payload.add("connection", connection);
        }
        String json = payload.build().toString();
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            throw new IllegalStateException("call signal too large for the cluster's channel: " + json.length());
        }
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_notify(?1, ?2)) AS sent")
                .setParameter(1, CHANNEL).setParameter(2, json).getSingleResult();
    }

    private void listen() {
        long pause = 500;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection postgresql = connection.unwrap(PGConnection.class);
                try (Statement sql = connection.createStatement()) {
                    sql.execute("LISTEN " + CHANNEL);
                }
                try {
                    LOG.info("Calls: listening for the cluster's signals");
                    listening.countDown();
                    pause = 500;
                    while (running) {
                        PGNotification[] arrived = postgresql.getNotifications(1000);
                        if (arrived != null) {
                            for (PGNotification notification : arrived) {
                                deliver(notification.getParameter());
                            }
                        }
                    }
                } finally {
                    try (Statement sql = connection.createStatement()) {
                        sql.execute("UNLISTEN *");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                // What was published meanwhile is lost to this node's pages; the board's state is not, and a
                // page that reconnects gets it back.
                LOG.log(Level.WARNING, "Calls: the cluster's signal channel failed; listening again in " + pause
                        + " ms", e);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    /** Passes one signal to this node's pages; anything it cannot read is logged and dropped. */
    void deliver(String payload) {
        JsonObject message;
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            message = reader.readObject();
        } catch (RuntimeException e) {
            // JsonException for most, but a parser may end unexpected input in other ways too.
            LOG.warning(() -> "Calls: dropped a signal that is not a JSON object: " + shortened(payload));
            return;
        }
        if (!(message.get("format") instanceof jakarta.json.JsonNumber format) || format.intValue() != FORMAT
                || !(message.get("text") instanceof JsonString text)
                || !optionalString(message.get("to")) || !optionalString(message.get("connection"))) {
            LOG.warning(() -> "Calls: dropped a signal of an unknown form: " + shortened(payload));
            return;
        }
        String to = message.containsKey("to") ? message.getString("to") : null;
        String connection = message.containsKey("connection") ? message.getString("connection") : null;
        if (to == null) {
            here.everyone(text.getString());
        } else {
            here.send(to, connection, text.getString());
        }
    }

    private static boolean optionalString(JsonValue value) {
        return value == null || value instanceof JsonString;
    }

    private static String shortened(String payload) {
        return payload.length() > 200 ? payload.substring(0, 200) + "…" : payload;
    }
}
