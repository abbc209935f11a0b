package org.meetingportal.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One portal page's call signalling, as {@code /ws/calls} sees it: a WebSocket opened with a person's session
 * cookie, whose messages the test reads in order.
 */
public final class CallSocketClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** How the server closed the socket: the close frame's code and reason. */
    public record Closing(int code, String reason) {
    }

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final List<JsonObject> skipped = new ArrayList<>();
    private final CompletableFuture<Closing> closing = new CompletableFuture<>();
    private volatile boolean reading = true;
    private final WebSocket socket;

    private CallSocketClient(WebSocket.Builder builder, URI uri) {
        this.socket = builder.buildAsync(uri, new Collector()).join();
    }

    /** Opens the socket for this signed-in client; fails the way a browser's handshake would. */
    public static CallSocketClient open(URL base, PortalClient person) {
        return open(base, person, null);
    }

    public static CallSocketClient open(URL base, PortalClient person, String origin) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        person.sessionId().ifPresent(id -> builder.header("Cookie", "JSESSIONID=" + id));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return new CallSocketClient(builder, uri(base));
    }

    public static URI uri(URL base) {
        return URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/ws/calls");
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    public void invite(String to, String media) {
        send(Json.createObjectBuilder().add("type", "invite").add("to", to).add("media", media).build().toString());
    }

    public void act(String type, long callId) {
        send(Json.createObjectBuilder().add("type", type).add("call", callId).build().toString());
    }

    /** The next message of this type, skipping others (kept for {@link #skipped()}); fails after the timeout. */
    public JsonObject next(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                JsonObject message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (message == null) {
                    throw new AssertionError("no '" + type + "' within " + timeout + "; other messages: " + skipped
                            + "; " + state());
                }
                if (message.getString("type").equals(type)) {
                    return message;
                }
                skipped.add(message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * The next signal of a meeting's room with this event ({@code {"type":"room","event":…}}), past other room
     * signals (a roster change, say); fails after the timeout.
     */
    public JsonObject nextRoomEvent(String event, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            JsonObject signal = next("room", Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (signal.getString("event").equals(event)) {
                return signal;
            }
            skipped.add(signal);
        }
    }

    /** Whether and how the connection has ended, for a failure to say. */
    private String state() {
        if (!closing.isDone()) {
            return "still open (input " + (socket.isInputClosed() ? "closed" : "open") + ")";
        }
        try {
            return "closed by the server: " + closing.join();
        } catch (RuntimeException e) {
            return "failed: " + e.getCause();
        }
    }

    public JsonObject next(String type) {
        return next(type, Duration.ofSeconds(10));
    }

    /** Whether a message of this type arrives within the time (others are skipped). */
    public boolean receives(String type, Duration within) {
        try {
            next(type, within);
            return true;
        } catch (AssertionError none) {
            return false;
        }
    }

    /** The server's close frame, waiting for it at most {@code within}; fails if none comes. */
    public Closing closing(Duration within) {
        try {
            return closing.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not closed within " + within);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    /** Drops every message received so far. */
    public void forget() {
        received.clear();
        skipped.clear();
    }

    /**
     * Stops reading, as a page whose browser hangs or a client that means harm: nothing more is taken from
     * the connection, so what the server writes piles up in the network buffers until they are full.
     */
    public void stopReading() {
        reading = false;
    }

    public List<JsonObject> skipped() {
        return skipped;
    }

    public boolean isOpen() {
        return !socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
        }
    }

    /** Abrupt end, as a closed laptop lid or a killed browser: no closing handshake. */
    public void abort() {
        socket.abort();
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try (JsonReader reader = Json.createReader(new StringReader(partial.toString()))) {
                    received.add(reader.readObject());
                }
                partial.setLength(0);
            }
            if (reading) {
                webSocket.request(1);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closing.complete(new Closing(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closing.completeExceptionally(error);
        }
    }
}
