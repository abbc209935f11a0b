package org.meetingportal.call;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicBoolean;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountService;

/**
 * {@code /ws/calls}: every portal page of a signed-in person keeps one open for presence and call signals.
 * {@link CallSocketGate} has refused the handshake of anyone not signed in; the principal of the handshake
 * is the person. An account disabled meanwhile is disconnected at its next message.
 */
@ServerEndpoint("/ws/calls")
public class CallSocket {

    /** Larger messages than any signal are refused by the container. */
    static final int MAX_MESSAGE = 2048;

    private static final String GONE = CallSocket.class.getName() + ".gone";

    @Inject
    CallHub hub;

    @Inject
    AccountService accounts;

    @OnOpen
    public void open(Session session) throws IOException {
        Principal principal = session.getUserPrincipal();
        if (principal == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first"));
            return;
        }
        session.setMaxTextMessageBufferSize(MAX_MESSAGE);
        session.setMaxIdleTimeout(0);
        session.getUserProperties().put(GONE, new AtomicBoolean());
        hub.connected(principal.getName(), session.getId(), new CallFanout.Page() {
            @Override
            public void send(String text) {
                CallSocket.this.send(session, text);
            }

            @Override
            public void probe() {
                ping(session);
            }
        });
    }

    @OnMessage
    public void message(Session session, String text) throws IOException {
        String username = session.getUserPrincipal().getName();
        if (accounts.account(username).filter(Account::enabled).isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "account disabled"));
            return;
        }
        JsonObject message;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            message = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            send(session, CallMessages.error("bad-message"));
            return;
        }
        hub.received(username, session.getId(), message);
    }

    @OnClose
    public void close(Session session) {
        gone(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        // A dropped connection ends in close(); nothing more to do here.
    }

    /**
     * One sender at a time per connection: the container's basic remote is not safe for concurrent use. A
     * failed write reports the page gone after leaving the lock, as that tells other pages.
     */
    private void send(Session session, String text) {
        IOException failed;
        synchronized (session) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.getBasicRemote().sendText(text);
                return;
            } catch (IOException e) {
                failed = e;
            }
        }
        gone(session);
        throw new UncheckedIOException(failed);
    }

    private void ping(Session session) {
        synchronized (session) {
            try {
                session.getBasicRemote().sendPing(ByteBuffer.allocate(0));
                return;
            } catch (IOException | IllegalStateException e) {
                // reported below
            }
        }
        gone(session);
    }

    /**
     * The page is gone, once per connection: closed properly, or found dead by a send or a probe. Some
     * containers (Payara) notice a connection that was cut without a closing handshake only when they write
     * to it, and then never call {@link #close}.
     */
    private void gone(Session session) {
        Object flag = session.getUserProperties().get(GONE);
        if (session.getUserPrincipal() != null && flag instanceof AtomicBoolean once && once.compareAndSet(false, true)) {
            hub.closed(session.getUserPrincipal().getName(), session.getId());
        }
    }
}
