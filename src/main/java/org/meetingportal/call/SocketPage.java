package org.meetingportal.call;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One open call socket as the fan-out reaches it: one writer at a time (the container's basic remote is not
 * safe for concurrent use), a liveness clock, and exactly one report that the page has gone, whether it
 * closed properly, a write to it failed, or it fell silent.
 *
 * <p>Some containers (Payara) do not always report a connection cut off without a closing handshake, not
 * even when they write to it, and a connection dropped without a reset (a laptop lid, a proxy in between)
 * accepts writes for many minutes. Browsers answer every ping frame with a pong at once, so a page that has
 * not answered a ping, nor said anything else, for {@link #ANSWER_WAIT} is gone.
 */
final class SocketPage implements CallFanout.Page {

    static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

    private static final int OPENING = 0;
    private static final int OPEN = 1;
    private static final int LOST_WHILE_OPENING = 2;
    private static final int GONE = 3;

    private final Session session;
    private final long answerWaitNanos;
    private final Runnable gone;
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicInteger state = new AtomicInteger(OPENING);
    /** When the oldest ping still unanswered went out; 0 when every ping has been answered. */
    private volatile long pingedAt;

    /**
     * @param answerWait how long a ping may stay unanswered before the page counts as gone
     * @param gone what to do, once, when the page has gone
     */
    SocketPage(Session session, Duration answerWait, Runnable gone) {
        this.session = session;
        this.answerWaitNanos = answerWait.toNanos();
        this.gone = gone;
    }

    @Override
    public void send(String text) {
        writing.lock();
        try {
            if (session.isOpen()) {
                session.getBasicRemote().sendText(text);
            }
        } catch (IOException e) {
            lost();
            throw new UncheckedIOException(e);
        } finally {
            writing.unlock();
        }
    }

    /** Never waits: a write already under way finds out by itself whether the page is there. */
    @Override
    public void probe() {
        long now = System.nanoTime();
        long pinged = pingedAt;
        if (pinged != 0 && now - pinged > answerWaitNanos) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "no answer"));
            } catch (IOException | IllegalStateException alreadyClosed) {
                // gone either way
            }
            lost();
            return;
        }
        if (!writing.tryLock()) {
            return;
        }
        try {
            // Noted before sending: the answer may come back before sendPing returns.
            if (pinged == 0) {
                pingedAt = now;
            }
            session.getBasicRemote().sendPing(ByteBuffer.allocate(0));
        } catch (IOException | IllegalStateException e) {
            lost();
        } finally {
            writing.unlock();
        }
    }

    /** Any message or pong from the page. */
    void heard() {
        pingedAt = 0;
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
