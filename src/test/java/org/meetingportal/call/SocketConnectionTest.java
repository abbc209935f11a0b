package org.meetingportal.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The page's one report of going, whatever order opening, failures and closing come in; writes that never wait. */
class SocketConnectionTest {

    /**
     * A connection that records what is written to it, in order, and fails writes or leaves them unfinished
     * (a page that stopped reading) when told to.
     */
    private static final class Connection {
        final List<String> written = new ArrayList<>();
        final List<SendHandler> unfinished = new ArrayList<>();
        volatile boolean broken;
        volatile boolean holding;
        volatile CloseReason closed;

        Session session() {
            RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "setSendTimeout" -> {
                                return null;
                            }
                            case "sendPing" -> written.add("ping");
                            case "sendText" -> {
                                written.add((String) args[0]);
                                SendHandler handler = (SendHandler) args[1];
                                if (holding) {
                                    unfinished.add(handler);
                                } else {
                                    handler.onResult(broken ? new SendResult(new IOException("Connection is closed"))
                                            : new SendResult());
                                }
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
            return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> remote;
                        case "isOpen" -> closed == null;
                        case "close" -> {
                            closed = (CloseReason) args[0];
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        void finishOne() {
            unfinished.remove(0).onResult(new SendResult());
        }
    }

    private final AtomicInteger reports = new AtomicInteger();

    @Test
    void aPageLostWhileOpeningIsReportedOnceItIsRegistered() {
        SocketConnection page = new SocketConnection(new Connection().session(), Duration.ofMinutes(1), reports::incrementAndGet, Runnable::run);
        page.lost();
        assertEquals(0, reports.get(), "not before the hub knows the page");
        page.opened();
        assertEquals(1, reports.get());
        page.lost();
        assertEquals(1, reports.get(), "once");
    }

    @Test
    void aFailedWriteReportsThePageGoneOnce() {
        Connection connection = new Connection();
        SocketConnection page = new SocketConnection(connection.session(), Duration.ofMinutes(1), reports::incrementAndGet, Runnable::run);
        page.opened();
        page.send("hello");
        page.probe();
        assertEquals(List.of("hello", "ping"), connection.written);
        connection.broken = true;
        page.send("lost");
        page.probe();
        page.lost();
        assertEquals(1, reports.get());
    }

    @Test
    void aPageThatLeavesAPingUnansweredIsClosedAndReported() throws Exception {
        Connection connection = new Connection();
        SocketConnection page = new SocketConnection(connection.session(), Duration.ofMillis(50), reports::incrementAndGet, Runnable::run);
        page.opened();
        page.probe();
        Thread.sleep(100);
        page.heard();
        page.probe();
        assertEquals(null, connection.closed, "answered in time");
        assertEquals(0, reports.get());
        Thread.sleep(100);
        page.probe();
        assertEquals("no answer", connection.closed.getReasonPhrase());
        assertEquals(1, reports.get());
        assertEquals(List.of("ping", "ping"), connection.written);
    }

    @Test
    void signalsGoOutOneAtATimeInTheirOrder() {
        Connection connection = new Connection();
        connection.holding = true;
        SocketConnection page = new SocketConnection(connection.session(), Duration.ofMinutes(1), reports::incrementAndGet, Runnable::run);
        page.opened();
        page.send("1");
        page.send("2");
        page.send("3");
        assertEquals(List.of("1"), connection.written, "the next waits for the one under way");
        connection.finishOne();
        connection.finishOne();
        connection.finishOne();
        assertEquals(List.of("1", "2", "3"), connection.written);
        page.probe();
        assertEquals(List.of("1", "2", "3", "ping"), connection.written, "pinged once nothing is under way");
    }

    @Test
    void aPageThatStopsReadingNeverHoldsUpTheSenderAndIsCutOff() {
        Connection connection = new Connection();
        connection.holding = true;
        SocketConnection page = new SocketConnection(connection.session(), Duration.ofMinutes(1), reports::incrementAndGet, Runnable::run);
        page.opened();
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i <= SocketConnection.MAX_WAITING + 1; i++) {
                page.send("presence " + i);
            }
        });
        assertEquals(1, connection.written.size(), "one write under way, the rest waiting");
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, connection.closed.getCloseCode());
        assertEquals("not reading", connection.closed.getReasonPhrase());
        assertEquals(1, reports.get());
    }

    @Test
    void aWriteNotTakenInTimeCutsThePageOffAtTheNextProbe() throws Exception {
        Connection connection = new Connection();
        connection.holding = true;
        SocketConnection page = new SocketConnection(connection.session(), Duration.ofMinutes(1), Duration.ofMillis(50),
                reports::incrementAndGet, Runnable::run);
        page.opened();
        page.send("ringing");
        page.probe();
        assertEquals(List.of("ringing"), connection.written, "no ping while a write is under way");
        assertEquals(null, connection.closed);
        Thread.sleep(100);
        page.probe();
        assertEquals("not reading", connection.closed.getReasonPhrase());
        assertEquals(1, reports.get());
    }

    @Test
    void aPageMaySendSoManyMessagesInTheWindow() {
        SocketConnection page = new SocketConnection(new Connection().session(), Duration.ofMinutes(1), reports::incrementAndGet, Runnable::run);
        long start = System.nanoTime();
        for (int i = 0; i < SocketConnection.MAX_MESSAGES_PER_WINDOW; i++) {
            assertTrue(page.admit(start + i), "message " + i);
        }
        assertFalse(page.admit(start + SocketConnection.MAX_MESSAGES_PER_WINDOW), "one more in the same window");
        assertTrue(page.admit(start + SocketConnection.MESSAGE_WINDOW.toNanos() + 1), "the next window");
    }

    @Test
    void pingsAndClosesAreHandedOverNeverMadeOnTheThreadThatDecidesThem() {
        List<Runnable> handedOver = new ArrayList<>();
        Connection connection = new Connection();
        SocketConnection page = new SocketConnection(connection.session(), Duration.ofMillis(50),
                reports::incrementAndGet, handedOver::add);
        page.opened();
        page.probe();
        page.probe();
        assertEquals(List.of(), connection.written, "the prober never writes the ping itself");
        assertEquals(1, handedOver.size(), "and hands over one ping at a time, however long it takes");

        page.cutOff(CloseReason.CloseCodes.VIOLATED_POLICY, "too many messages");
        page.cutOff(CloseReason.CloseCodes.VIOLATED_POLICY, "too many messages");
        assertEquals(1, reports.get(), "gone at once, reported once");
        assertEquals(null, connection.closed, "the close is handed over too");
        assertEquals(2, handedOver.size(), "once");
        handedOver.forEach(Runnable::run);
        assertEquals(List.of("ping"), connection.written);
        assertEquals("too many messages", connection.closed.getReasonPhrase());
    }
}
