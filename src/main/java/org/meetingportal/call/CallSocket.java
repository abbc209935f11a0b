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
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.security.Principal;
import java.time.Duration;
import java.util.UUID;
import org.meetingportal.security.SignedInUser;

/**
 * {@code /ws/calls}: every portal page of a signed-in person keeps one open for presence and call signals.
 * {@link CallSocketGate} has refused the handshake of anyone not signed in; the principal of the handshake
 * is the person, held to the session it came with by {@link CallSockets}.
 */
@ServerEndpoint(value = "/ws/calls", configurator = CallSocketHandshake.class)
public class CallSocket {

    /** In characters: more than any signal needs. */
    static final int MAX_MESSAGE = 2048;

    /** Messages larger than this are refused by the container itself (1009), those above MAX_MESSAGE by us. */
    static final int MAX_BUFFERED = 16 * 1024;

    /**
     * A page answers the pings that every page gets at least each 15 seconds ({@link CallHub}), so only a
     * connection that is gone stays idle this long; the container then closes it ({@link CallSocketContainer}).
     */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    static final String PAGE = SocketConnection.class.getName();

    private static final String CONNECTION = CallSocket.class.getName() + ".connection";

    @Inject
    CallHub hub;

    @Inject
    CallSockets sockets;

    @OnOpen
    public void open(Session session) throws IOException {
        Principal principal = session.getUserPrincipal();
        if (principal == null || !(session.getUserProperties().get(CallSocketHandshake.SIGNED_IN)
                instanceof SignedInUser signedIn) || !signedIn.username().equals(principal.getName())) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first"));
            return;
        }
        session.setMaxTextMessageBufferSize(MAX_BUFFERED);
        String username = principal.getName();
        // Unique in the whole cluster, unlike the container's session id.
        String connection = UUID.randomUUID().toString();
        SocketConnection page = new SocketConnection(session, SocketConnection.ANSWER_WAIT,
                () -> hub.gone(username, connection), hub.control());
        session.getUserProperties().put(PAGE, page);
        session.getUserProperties().put(CONNECTION, connection);
        sockets.opened(session, signedIn);
        hub.connected(username, connection, page);
        page.opened();
    }

    @OnMessage
    public void message(Session session, String text) {
        SocketConnection page = page(session);
        if (page.isGone()) {
            // A container may go on handing over what a page cut off had already sent: drop it unread.
            return;
        }
        page.heard();
        if (text.length() > MAX_MESSAGE) {
            page.cutOff(CloseReason.CloseCodes.VIOLATED_POLICY, "message too big");
            return;
        }
        if (!page.admit(System.nanoTime())) {
            page.cutOff(CloseReason.CloseCodes.VIOLATED_POLICY, "too many messages");
            return;
        }
        String username = session.getUserPrincipal().getName();
        JsonObject message;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            message = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            page.send(CallMessages.error("bad-message"));
            return;
        }
        hub.received(username, (String) session.getUserProperties().get(CONNECTION), message);
    }

    /** The answer to the probes' ping frames. */
    @OnMessage
    public void pong(Session session, PongMessage pong) {
        page(session).heard();
    }

    @OnClose
    public void close(Session session) {
        if (session.getUserPrincipal() != null) {
            sockets.closed(session, session.getUserPrincipal().getName());
        }
        SocketConnection page = page(session);
        if (page != null) {
            page.lost();
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        // A dropped connection ends in close(), a failed write or a ping left unanswered.
    }

    private static SocketConnection page(Session session) {
        return (SocketConnection) session.getUserProperties().get(PAGE);
    }
}
