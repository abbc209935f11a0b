package org.meetingportal.call;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open call socket as the fan-out reaches it: signals go out one at a time in order, without ever making
 * the sender wait, a liveness clock, and exactly one report that the page has gone, whether it closed
 * properly, a write to it failed, or it fell silent.
 *
 * <p>Signals to everyone are sent from whichever thread caused them (a request, another socket, the ticker),
 * so a write must never wait for a page: each is handed to the container asynchronously, and those that come
 * meanwhile wait here. A page that takes no write for {@link #WRITE_WAIT}, or lets more than
 * {@link #MAX_WAITING} signals pile up, has stopped reading and is cut off.
 *
 * <p>Some containers (Payara) do not always report a connection cut off without a closing handshake, not
 * even when they write to it, and a connection dropped without a reset (a laptop lid, a proxy in between)
 * accepts writes for many minutes. Browsers answer every ping frame with a pong at once, so a page that has
 * not answered a ping, nor said anything else, for {@link #ANSWER_WAIT} is gone.
 *
 * <p>The standard API has no ping and no close that cannot wait for the page: both write, and a write to a
 * page that reads nothing waits for its buffer. So both are made on {@code control}, never on the thread that
 * decided them (the ticker that probes everyone, a request, another page).
 */
final class SocketConnection implements CallFanout.Receiver {

    static final Duration ANSWER_WAIT = Duration.ofSeconds(5);
    static final Duration WRITE_WAIT = Duration.ofSeconds(5);
    static final int MAX_WAITING = 100;

    /** A page sends a ping every 25 seconds and a signal when its person acts; far more is abuse. */
    static final Duration MESSAGE_WINDOW = Duration.ofSeconds(10);
    static final int MAX_MESSAGES_PER_WINDOW = 60;

    private static final int OPENING = 0;
    private static final int OPEN = 1;
    private static final int LOST_WHILE_OPENING = 2;
    private static final int GONE = 3;

    private final Session session;
    private final RemoteEndpoint.Async remote;
    private final long answerWaitNanos;
    private final long writeWaitNanos;
    private final Runnable gone;
    private final Executor control;
    /** A ping or close handed to {@link #control} and not yet done: never more than one at a time. */
    private final AtomicBoolean controlling = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicInteger state = new AtomicInteger(OPENING);
    /** When the oldest ping still unanswered went out; 0 when every ping has been answered. */
    private volatile long pingedAt;

    /** Guards itself and the two fields below. */
    private final Deque<String> waiting = new ArrayDeque<>();
    private boolean writing;
    private long writingSince;

    /** Guarded by this. */
    private long windowStart = System.nanoTime();
    private int messagesInWindow;

    /**
     * @param answerWait how long a ping may stay unanswered before the page counts as gone
     * @param gone what to do, once, when the page has gone
     */
    SocketConnection(Session session, Duration answerWait, Runnable gone, Executor control) {
        this(session, answerWait, WRITE_WAIT, gone, control);
    }

    SocketConnection(Session session, Duration answerWait, Duration writeWait, Runnable gone, Executor control) {
        this.session = session;
        this.control = control;
        this.remote = session.getAsyncRemote();
        this.remote.setSendTimeout(writeWait.toMillis());
        this.answerWaitNanos = answerWait.toNanos();
        this.writeWaitNanos = writeWait.toNanos();
        this.gone = gone;
    }

    /** Never waits: the signal goes out now or after those before it. */
    @Override
    public void send(String text) {
        boolean tooMany = false;
        synchronized (waiting) {
            if (!writing) {
                writing = true;
                writingSince = System.nanoTime();
            } else if (waiting.size() < MAX_WAITING) {
                waiting.addLast(text);
                return;
            } else {
                tooMany = true;
            }
        }
        if (tooMany) {
            cutOff(CloseReason.CloseCodes.VIOLATED_POLICY, "not reading");
        } else {
            write(text);
        }
    }

    private void write(String text) {
        try {
            remote.sendText(text, this::written);
        } catch (RuntimeException closed) {
            lost();
        }
    }

    private void written(SendResult result) {
        if (!result.isOK()) {
            cutOff(CloseReason.CloseCodes.GOING_AWAY, "not reading");
            return;
        }
        String next;
        synchronized (waiting) {
            next = waiting.pollFirst();
            writing = next != null;
            writingSince = System.nanoTime();
        }
        if (next != null) {
            write(next);
        }
    }

    /**
     * Never waits: a page with a write under way is not pinged (that write finds out whether it is there),
     * unless the write has been waiting too long already.
     */
    @Override
    public void probe() {
        long now = System.nanoTime();
        long pinged = pingedAt;
        if (pinged != 0 && now - pinged > answerWaitNanos) {
            cutOff(CloseReason.CloseCodes.GOING_AWAY, "no answer");
            return;
        }
        boolean stuck;
        synchronized (waiting) {
            stuck = writing && now - writingSince > writeWaitNanos;
            if (writing && !stuck) {
                return;
            }
        }
        if (stuck) {
            cutOff(CloseReason.CloseCodes.GOING_AWAY, "not reading");
            return;
        }
        if (!controlling.compareAndSet(false, true)) {
            // The last ping is still being written: the page reads nothing, and the answer wait will tell.
            return;
        }
        // Noted before sending: the answer may come back before sendPing returns.
        if (pinged == 0) {
            pingedAt = now;
        }
        control.execute(() -> {
            try {
                remote.sendPing(ByteBuffer.allocate(0));
            } catch (IOException | RuntimeException e) {
                lost();
            } finally {
                controlling.set(false);
            }
        });
    }

    /** Any message or pong from the page. */
    void heard() {
        pingedAt = 0;
    }

    /** Counts a message from the page, arrived at {@code now} (nanos); false once it sends more than a page needs. */
    synchronized boolean admit(long now) {
        if (now - windowStart >= MESSAGE_WINDOW.toNanos()) {
            windowStart = now;
            messagesInWindow = 0;
        }
        return ++messagesInWindow <= MAX_MESSAGES_PER_WINDOW;
    }

    /** Closes the connection, saying why, and reports the page gone. */
    void cutOff(CloseReason.CloseCode code, String reason) {
        lost();
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        control.execute(() -> {
            try {
                session.close(new CloseReason(code, reason));
            } catch (IOException | IllegalStateException alreadyClosed) {
                // gone either way
            }
        });
    }

    /** Whether the page is gone: whatever it still sends is not heard any more. */
    boolean isGone() {
        int now = state.get();
        return now == GONE || now == LOST_WHILE_OPENING;
    }

    /** The page is registered: a loss is reported from now on, and one noticed during the opening now. */
    void opened() {
        if (!state.compareAndSet(OPENING, OPEN) && state.compareAndSet(LOST_WHILE_OPENING, GONE)) {
            gone.run();
        }
    }

    /** The page has gone; reported once, and not before it is registered. */
    void lost() {
        while (true) {
            int now = state.get();
            if (now == OPEN) {
                if (state.compareAndSet(OPEN, GONE)) {
                    gone.run();
                    return;
                }
            } else if (now == OPENING) {
                if (state.compareAndSet(OPENING, LOST_WHILE_OPENING)) {
                    return;
                }
            } else {
                return;
            }
        }
    }
}
