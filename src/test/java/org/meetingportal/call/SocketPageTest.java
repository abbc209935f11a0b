package org.meetingportal.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The page's one report of going, whatever order opening, failures and closing come in. */
class SocketPageTest {

    /** A connection that records what is written to it and fails or blocks when told to. */
    private static final class Connection {
        final List<String> written = new ArrayList<>();
        volatile boolean broken;
        volatile boolean open = true;
        volatile CountDownLatch blockWrites;
        final CountDownLatch writing = new CountDownLatch(1);

        Session session() {
            RemoteEndpoint.Basic remote = (RemoteEndpoint.Basic) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Basic.class}, (proxy, method, args) -> {
                        writing.countDown();
                        if (blockWrites != null) {
                            blockWrites.await();
                        }
                        if (broken) {
                            throw new IOException("Connection is closed");
                        }
                        written.add(method.getName());
                        return null;
                    });
            return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getBasicRemote" -> remote;
                        case "isOpen" -> open;
                        case "close" -> {
                            open = false;
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private final AtomicInteger reports = new AtomicInteger();

    @Test
    void aPageLostWhileOpeningIsReportedOnceItIsRegistered() {
        SocketPage page = new SocketPage(new Connection().session(), Duration.ofMinutes(1), reports::incrementAndGet);
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
        SocketPage page = new SocketPage(connection.session(), Duration.ofMinutes(1), reports::incrementAndGet);
        page.opened();
        page.send("hello");
        page.probe();
        assertEquals(List.of("sendText", "sendPing"), connection.written);
        connection.broken = true;
        assertThrows(UncheckedIOException.class, () -> page.send("lost"));
        page.probe();
        page.lost();
        assertEquals(1, reports.get());
    }

    @Test
    void aPageThatLeavesAPingUnansweredIsClosedAndReported() throws Exception {
        Connection connection = new Connection();
        SocketPage page = new SocketPage(connection.session(), Duration.ofMillis(50), reports::incrementAndGet);
        page.opened();
        page.probe();
        Thread.sleep(100);
        page.heard();
        page.probe();
        assertTrue(connection.open, "answered in time");
        assertEquals(0, reports.get());
        Thread.sleep(100);
        page.probe();
        assertFalse(connection.open, "closed by the portal");
        assertEquals(1, reports.get());
        assertEquals(List.of("sendPing", "sendPing"), connection.written);
    }

    @Test
    void aProbeNeverWaitsForAWriteUnderWay() throws Exception {
        Connection connection = new Connection();
        connection.blockWrites = new CountDownLatch(1);
        SocketPage page = new SocketPage(connection.session(), Duration.ofMinutes(1), reports::incrementAndGet);
        page.opened();
        Thread stuck = new Thread(() -> page.send("to a page that stopped reading"));
        stuck.start();
        connection.writing.await();
        assertTimeoutPreemptively(Duration.ofSeconds(2), page::probe, "the probe skips a busy page");
        connection.blockWrites.countDown();
        stuck.join();
        assertTrue(connection.written.contains("sendText"));
        assertEquals(0, reports.get());
    }
}
