package org.meetingportal.call;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.meetingportal.account.AccountRules;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.StartupOrder;

/**
 * Carries out what the {@link CallBoard} decides: records every change first, then tells the pages, so
 * that a page told "accepted" finds the call running when it asks for credentials. Time passes for the
 * board once a second.
 */
@ApplicationScoped
public class CallHub {

    private static final Logger LOG = Logger.getLogger(CallHub.class.getName());
    /** Messages of this kind are about a meeting's room: passed on as {@link PageMessage}. */
    static final String ROOM_MESSAGE = "room-";

    /** In ticks (seconds): an idle page that vanished without a word is found within this plus the answer wait. */
    private static final int PROBE_ALL_EVERY = 15;

    /** In ticks: a socket whose session has ended (signed out elsewhere, disabled, too old) is closed within this. */
    private static final int CHECK_SESSIONS_EVERY = 2;

    @Inject
    CallService calls;

    @Inject
    CallFanout fanout;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Pings and closes of sockets, which may wait for a page that reads nothing: never on the ticker. */
    @Resource
    ManagedExecutorService control;

    @Inject
    CallBoard board;

    @Inject
    Event<PageMessage> pageMessages;

    @Inject
    Event<PageClosed> pagesClosed;

    @Inject
    CallSockets sockets;

    private ScheduledFuture<?> ticking;
    private long ticks;
    /**
     * Set when the application begins to stop. The scheduler's threads are the server's and outlive it: work
     * that reached the board then would begin a transaction that the stopping container can no longer end, and
     * that transaction would stay on the thread and fail the next deployment's work there.
     */
    private volatile boolean stopping;

    /** Where a socket's pings and closes are made. */
    Executor control() {
        return control;
    }

    void start(@Observes @Priority(StartupOrder.CALLS) @Initialized(ApplicationScoped.class) Object started) {
        // The first tick also makes the board, so that a local board settles the last stop's calls now.
        carry(board.tick());
        ticking = scheduler.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopped) {
        stopping = true;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (ticking != null) {
            ticking.cancel(false);
        }
        try {
            board.leave();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "this node's calls could not be handed over at the stop", e);
        }
    }

    /**
     * On the board before the page hears "hello": a page that acts on its hello (invites, or is invited by
     * someone who saw it come online) must find itself connected.
     */
    public void connected(String username, String connection, CallFanout.Receiver page) {
        fanout.register(username, connection, page);
        if (AccountRules.isGuest(username)) {
            // A guest's page hears its room's signals, and nothing of who in the company is online.
            try {
                page.send(CallMessages.hello(username, Map.of()));
            } catch (RuntimeException gone) {
                // reported gone by the page itself
            }
            return;
        }
        Step step = board.connect(username, connection);
        try {
            page.send(CallMessages.hello(username, board.everyonePresent()));
        } catch (RuntimeException gone) {
            // The page reports itself gone; what follows is undone by that report.
        }
        carry(step);
    }

    private void closed(String username, String connection) {
        fanout.unregister(username, connection);
        if (stopping) {
            // The person stays on the board as connected; a shared board removes them with their node.
            return;
        }
        try {
            pagesClosed.fire(new PageClosed(username, connection));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "what a closed page of " + username + " announced could not be withdrawn", e);
        }
        if (AccountRules.isGuest(username)) {
            return;
        }
        try {
            carry(board.disconnect(username, connection));
        } catch (RuntimeException e) {
            // The person stays on the board as connected; a shared board removes them with their node at the latest.
            LOG.log(Level.WARNING, "a closed call socket of " + username + " could not be taken off the board", e);
        }
    }

    /**
     * A page found gone while something was being sent, perhaps in the middle of carrying out a step: its
     * closing is a step of its own, taken after the current one, so that signals keep their order.
     */
    public void gone(String username, String connection) {
        try {
            scheduler.execute(() -> closed(username, connection));
        } catch (RejectedExecutionException stopping) {
            closed(username, connection);
        }
    }

    /** One message from a page; anything unreadable gets an error answer, never an exception. */
    public void received(String username, String connection, JsonObject message) {
        String type = message.getString("type", "");
        if (AccountRules.isGuest(username) && !type.equals("ping") && !type.startsWith(ROOM_MESSAGE)) {
            // Guests call nobody and are called by nobody.
            fanout.send(username, connection, CallMessages.error("bad-message"));
            return;
        }
        switch (type) {
            case "ping" -> fanout.send(username, connection, CallMessages.pong());
            case "invite" -> invite(username, connection, message.getString("to", ""), media(message));
            case "accept" -> carry(board.accept(callId(message), username, connection));
            case "reject" -> carry(board.reject(callId(message), username));
            case "cancel" -> carry(board.cancel(callId(message), username));
            case "hangup" -> carry(board.hangUp(callId(message), username));
            default -> {
                if (type.startsWith(ROOM_MESSAGE)) {
                    roomMessage(username, connection, message);
                } else {
                    fanout.send(username, connection, CallMessages.error("bad-message"));
                }
            }
        }
    }

    private void roomMessage(String username, String connection, JsonObject message) {
        try {
            pageMessages.fire(new PageMessage(username, connection, message));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a room message of " + username + " could not be taken", e);
            fanout.send(username, connection, CallMessages.error("room-unavailable"));
        }
    }

    public Presence presence(String username) {
        return board.presence(username);
    }

    private void invite(String caller, String connection, String callee, Optional<Media> media) {
        if (media.isEmpty() || callee.isBlank()) {
            fanout.send(caller, connection, CallMessages.error("bad-message"));
            return;
        }
        Optional<String> refusal = board.refusal(caller, callee);
        if (refusal.isPresent()) {
            fanout.send(caller, connection, CallMessages.error(refusal.get()));
            return;
        }
        Call call;
        try {
            call = calls.open(caller, callee, media.get());
        } catch (DomainException unknown) {
            fanout.send(caller, connection, CallMessages.error("unknown-user"));
            return;
        }
        carry(board.invite(new Invitation(call.getId(), caller, connection, callee, media.get(),
                call.getRoomId())));
    }

    private void tick() {
        if (stopping) {
            return;
        }
        try {
            // A page cut off without a closing handshake is found by writing to it: at once for the people
            // in a call, whose grace period starts then; now and then for everyone else's presence.
            fanout.probe(board.parties());
            if (++ticks % PROBE_ALL_EVERY == 0) {
                fanout.probeAll();
            }
            carry(board.tick());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "call timeouts could not be processed", e);
        }
        if (ticks % CHECK_SESSIONS_EVERY == 0) {
            try {
                sockets.checkSessions();
            } catch (RuntimeException e) {
                // As for requests, a session is not ended because the database cannot tell whether it is valid.
                LOG.log(Level.FINE, "call socket sessions could not be checked", e);
            }
        }
    }

    private void carry(Step step) {
        step.changes().forEach(calls::record);
        for (Delivery delivery : step.deliveries()) {
            fanout.send(delivery.username(), delivery.connection(),
                    CallMessages.of(delivery.signal(), calls::displayName));
        }
    }

    private static long callId(JsonObject message) {
        return message.get("call") instanceof JsonNumber number ? number.longValue() : -1;
    }

    private static Optional<Media> media(JsonObject message) {
        String media = message.getString("media", "");
        return media.equals("audio") ? Optional.of(Media.AUDIO)
                : media.equals("video") ? Optional.of(Media.VIDEO) : Optional.empty();
    }
}
