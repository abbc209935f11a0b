package org.meetingportal.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.credential.TrtcTokens;
import org.meetingportal.testing.CallSocketClient;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/**
 * One-to-one call signalling over {@code /ws/calls} with real WebSocket clients ({@code java.net.http}), two or
 * three people at a time, and the call credentials that follow from it.
 */
class CallsSocketIT extends PortalIT {

    private static final String KEY = TestPortal.setting("TRTC_SECRET_KEY");
    private static final Duration RING = Duration.ofSeconds(TestPortal.numericSetting("PORTAL_CALL_RING_SECONDS"));
    private static final Duration GRACE = Duration.ofSeconds(TestPortal.numericSetting("PORTAL_CALL_GRACE_SECONDS"));
    private static final int RATE = (int) TestPortal.numericSetting("PORTAL_CALL_RATE_PER_MINUTE");
    /** Sessions of open sockets are checked every two seconds: a revoked one is closed well within this. */
    private static final Duration SESSION_CHECK = Duration.ofSeconds(5);

    private String ann;
    private String bob;
    private String eve;
    private PortalClient annClient;
    private PortalClient bobClient;
    private PortalClient eveClient;
    private final List<CallSocketClient> sockets = new ArrayList<>();

    @BeforeEach
    void people() {
        ann = TestPortal.uniqueName("ann");
        bob = TestPortal.uniqueName("bob");
        eve = TestPortal.uniqueName("eve");
        annClient = admin().createSignedInUser(ann, "EMPLOYEE", "ann-calls-phrase");
        bobClient = admin().createSignedInUser(bob, "EMPLOYEE", "bob-calls-phrase");
        eveClient = admin().createSignedInUser(eve, "EMPLOYEE", "eve-calls-phrase");
    }

    @org.junit.jupiter.api.AfterEach
    void closeSockets() {
        sockets.forEach(s -> {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        });
    }

    private CallSocketClient page(PortalClient person) {
        CallSocketClient socket = CallSocketClient.open(base, person);
        hello(socket, "a new page");
        sockets.add(socket);
        return socket;
    }

    /** The first message of every page; if it never comes, what the server was doing says why. */
    private static void hello(CallSocketClient page, String which) {
        try {
            page.next("hello", Duration.ofSeconds(10));
        } catch (AssertionError none) {
            throw new AssertionError(which + ": " + none.getMessage() + "\nserver threads:\n"
                    + TestPortal.serverThreads(), none);
        }
    }

    private static long id(JsonObject message) {
        return message.getJsonObject("call").getJsonNumber("id").longValue();
    }

    private static String state(JsonObject message) {
        return message.getJsonObject("call").getString("state");
    }

    @Test
    void handshakesWithoutASignInOrFromAnotherSiteAreRefused() {
        CompletionException anonymous = assertThrows(CompletionException.class,
                () -> CallSocketClient.open(base, new PortalClient(base)));
        assertEquals(403, ((WebSocketHandshakeException) anonymous.getCause()).getResponse().statusCode());
        CompletionException foreign = assertThrows(CompletionException.class,
                () -> CallSocketClient.open(base, annClient, "https://evil.example"));
        assertEquals(403, ((WebSocketHandshakeException) foreign.getCause()).getResponse().statusCode());
        try (CallSocketClient same = CallSocketClient.open(base, annClient,
                "http://" + base.getHost() + ":" + base.getPort())) {
            assertEquals(ann, same.next("hello").getString("you"));
        }
    }

    @Test
    void callAcceptAndHangUpWithCredentialsForTheTwoPartiesOnlyWhileItRuns() {
        CallSocketClient annPage = page(annClient);
        CallSocketClient bobPage = page(bobClient);
        CallSocketClient evePage = page(eveClient);
        annPage.invite(bob, "video");
        long call = id(annPage.next("calling"));
        JsonObject ringing = bobPage.next("ringing");
        assertEquals(call, id(ringing));
        assertEquals("Test " + ann, ringing.getJsonObject("call").getJsonObject("caller").getString("displayName"));
        assertEquals("video", ringing.getJsonObject("call").getString("media"));
        assertEquals(409, credentials(annClient, call).status(), "no credentials before the answer");

        bobPage.act("accept", call);
        assertEquals("ACCEPTED", state(annPage.next("accepted")));
        assertEquals("ACCEPTED", state(bobPage.next("accepted")));
        JsonObject presence = evePage.next("presence");
        while (!presence.getString("user").equals(ann)) {
            presence = evePage.next("presence");
        }
        assertEquals("in-call", presence.getString("presence"), "everyone connected sees ann is in a call");

        HttpAnswer forAnn = credentials(annClient, call);
        HttpAnswer forBob = credentials(bobClient, call);
        assertEquals(200, forAnn.status(), forAnn::toString);
        assertEquals(200, forBob.status());
        assertEquals("no-store", forAnn.header("Cache-Control").orElse(""));
        long room = forAnn.json().getJsonNumber("roomId").longValue();
        assertEquals(room, forBob.json().getJsonNumber("roomId").longValue(), "one room for both");
        TrtcTokens.Token annKey = TrtcTokens.verify(forAnn.json().getString("privateMapKey"), KEY);
        assertEquals(ann, annKey.userBuf().account());
        assertEquals(room, annKey.userBuf().roomId());
        assertEquals(255, annKey.userBuf().privileges());
        assertEquals(bob, TrtcTokens.verify(forBob.json().getString("userSig"), KEY).identifier());
        assertEquals(404, credentials(eveClient, call).status(), "a third person gets nothing");
        assertEquals(401, credentials(new PortalClient(base), call).status());

        annPage.act("hangup", call);
        assertEquals("ENDED", state(annPage.next("ended")));
        assertEquals("ENDED", state(bobPage.next("ended")));
        assertEquals(409, credentials(bobClient, call).status(), "none after the end");
        JsonObject record = bobClient.get("api/calls").jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getJsonNumber("id").longValue() == call).findFirst().orElseThrow();
        assertEquals("ENDED", record.getString("state"));
        assertTrue(record.getBoolean("incoming"));
        assertTrue(admin().page("admin/audit.xhtml?user=" + ann).body().contains(ann), "call credentials are audited");
    }

    @Test
    void rejectCancelAndBusy() {
        CallSocketClient annPage = page(annClient);
        CallSocketClient bobPage = page(bobClient);
        CallSocketClient evePage = page(eveClient);
        annPage.invite(bob, "audio");
        long first = id(bobPage.next("ringing"));
        bobPage.act("reject", first);
        assertEquals("REJECTED", state(annPage.next("ended")));

        annPage.invite(bob, "audio");
        long second = id(bobPage.next("ringing"));
        annPage.act("cancel", second);
        assertEquals("CANCELLED", state(bobPage.next("ended")), "the callee stops ringing");

        annPage.invite(bob, "video");
        long third = id(bobPage.next("ringing"));
        bobPage.act("accept", third);
        annPage.next("accepted");
        evePage.invite(bob, "video");
        JsonObject busy = evePage.next("ended");
        assertEquals("BUSY", state(busy));
        assertFalse(bobPage.receives("ringing", Duration.ofSeconds(1)), "nothing rings during a call");
        evePage.invite(eve, "video");
        assertEquals("self", evePage.next("error").getString("code"));
    }

    @Test
    void unansweredCallsAreMissedAfterTheRingTimeout() {
        CallSocketClient annPage = page(annClient);
        CallSocketClient bobPage = page(bobClient);
        annPage.invite(bob, "video");
        long call = id(bobPage.next("ringing"));
        assertEquals("MISSED", state(bobPage.next("missed", RING.plusSeconds(5))));
        assertEquals("MISSED", state(annPage.next("ended")));
        JsonObject record = bobClient.get("api/calls").jsonArray().get(0).asJsonObject();
        assertEquals(call, record.getJsonNumber("id").longValue());
        assertTrue(record.getBoolean("missed"));
        assertTrue(bobClient.page("index.xhtml").body().contains("id=\"missed-calls\""), "missed count on My meetings");
    }

    @Test
    void everyTabRingsAndTheFirstToAcceptWins() {
        CallSocketClient annPage = page(annClient);
        CallSocketClient bobTab1 = page(bobClient);
        CallSocketClient bobTab2 = page(bobClient);
        annPage.invite(bob, "video");
        long call = id(bobTab1.next("ringing"));
        assertEquals(call, id(bobTab2.next("ringing")));
        bobTab2.act("accept", call);
        assertEquals(call, id(bobTab1.next("answered-elsewhere")));
        bobTab1.act("accept", call);
        assertEquals("already-answered", bobTab1.next("error").getString("code"));
        assertEquals("ACCEPTED", state(annPage.next("accepted")));
    }

    @Test
    void aClosedBrowserEndsTheCallForTheOtherSideAfterTheGrace() {
        CallSocketClient annPage = page(annClient);
        CallSocketClient bobPage = page(bobClient);
        annPage.invite(bob, "video");
        long call = id(bobPage.next("ringing"));
        bobPage.act("accept", call);
        annPage.next("accepted");
        long closed = System.nanoTime();
        bobPage.abort();
        // Where the server does not report the cut-off connection, the unanswered ping does: allow for it.
        JsonObject ended = annPage.next("ended", GRACE.plus(SocketConnection.ANSWER_WAIT).plusSeconds(5));
        long after = Duration.ofNanos(System.nanoTime() - closed).toMillis();
        assertEquals("ENDED", state(ended));
        assertTrue(after >= GRACE.toMillis() - 1000, "not before the grace: " + after + " ms");
    }

    @Test
    void callsPerMinuteAreLimitedAndBadMessagesAnswered() {
        CallSocketClient evePage = page(eveClient);
        evePage.send("not json");
        assertEquals("bad-message", evePage.next("error").getString("code"));
        evePage.send("{\"type\":\"invite\",\"to\":\"" + bob + "\",\"media\":\"hologram\"}");
        assertEquals("bad-message", evePage.next("error").getString("code"));
        evePage.invite("nobody-" + eve, "audio");
        assertEquals("unknown-user", evePage.next("error").getString("code"));
        // bob has no page open: each call is missed at once, and counts.
        for (int i = 0; i < RATE; i++) {
            evePage.invite(bob, "audio");
            assertEquals("MISSED", state(evePage.next("ended")));
        }
        evePage.invite(bob, "audio");
        assertEquals("too-many", evePage.next("error").getString("code"));
    }

    @Test
    void aPasswordChangedInAnotherSessionClosesTheSocketOfThisOne() {
        CallSocketClient annPage = page(annClient);
        CallSocketClient bobPage = page(bobClient);
        PortalClient annElsewhere = PortalClient.signedIn(base, ann, "ann-calls-phrase");
        HttpAnswer changed = annElsewhere.post("api/me/password", Json.createObjectBuilder()
                .add("currentPassword", "ann-calls-phrase").add("newPassword", "ann-calls-phrase-2").build());
        assertEquals(200, changed.status(), changed::toString);
        assertEndedAndDeaf(annPage, bobPage);
    }

    @Test
    void disablingTheAccountClosesItsSocket() {
        CallSocketClient annPage = page(annClient);
        CallSocketClient bobPage = page(bobClient);
        assertEquals(200, admin().post("api/users/" + ann + "/disable", null).status());
        assertEndedAndDeaf(annPage, bobPage);
    }

    @Test
    void aRoleChangeClosesTheSocket() {
        CallSocketClient annPage = page(annClient);
        CallSocketClient bobPage = page(bobClient);
        PortalClient admin = admin();
        JsonObject user = admin.get("api/users/" + ann).json();
        HttpAnswer changed = admin.put("api/users/" + ann, Json.createObjectBuilder()
                .add("displayName", user.getString("displayName")).add("email", user.getString("email"))
                .add("role", "ADMIN").add("version", user.getJsonNumber("version").longValue()).build());
        assertEquals(200, changed.status(), changed::toString);
        assertEndedAndDeaf(annPage, bobPage);
    }

    @Test
    void aSixthPageClosesThePersonsOldest() {
        List<CallSocketClient> tabs = new ArrayList<>();
        for (int i = 0; i < CallSockets.MAX_PER_PERSON; i++) {
            tabs.add(page(annClient));
        }
        CallSocketClient newest = page(annClient);
        CallSocketClient.Closing closing = tabs.get(0).closing(Duration.ofSeconds(5));
        assertEquals(1008, closing.code());
        assertEquals("too many pages", closing.reason());
        newest.send("{\"type\":\"ping\"}");
        newest.next("pong");
        for (CallSocketClient tab : tabs.subList(1, tabs.size())) {
            tab.send("{\"type\":\"ping\"}");
            tab.next("pong");
        }
    }

    @Test
    void anOversizedMessageClosesTheSocket() {
        CallSocketClient annPage = page(annClient);
        annPage.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(4000) + "\"}");
        CallSocketClient.Closing closing = annPage.closing(Duration.ofSeconds(5));
        assertEquals(1008, closing.code());
        assertEquals("message too big", closing.reason());
    }

    @Test
    void aFloodOfMessagesClosesTheSocket() {
        CallSocketClient annPage = page(annClient);
        // One more than a page may send: a client that went on writing into the closed connection would get a
        // reset, which can drop the close frame before it is read (seen on Payara).
        try {
            for (int i = 0; i <= SocketConnection.MAX_MESSAGES_PER_WINDOW; i++) {
                annPage.send("{\"type\":\"ping\"}");
            }
        } catch (CompletionException closedMeanwhile) {
            // the server may close it before the last is sent
        }
        CallSocketClient.Closing closing = annPage.closing(Duration.ofSeconds(5));
        assertEquals(1008, closing.code());
        assertEquals("too many messages", closing.reason());
    }

    /**
     * A client that never reads what it is sent, while it sends (in the old days every message made the server
     * write an answer to it and wait until it was read), must not hold up presence and rings for others.
     */
    @Test
    void aPageThatStopsReadingHoldsUpNobodyElse() throws Exception {
        CallSocketClient annPage = page(annClient);
        CallSocketClient bobPage = page(bobClient);
        try (Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(2048);
            stuck.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            OutputStream out = stuck.getOutputStream();
            out.write(("GET " + base.getPath().replaceAll("/$", "") + "/ws/calls HTTP/1.1\r\nHost: " + base.getHost()
                    + ":" + base.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nCookie: JSESSIONID="
                    + eveClient.sessionId().orElseThrow() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = stuck.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 101", status);
            presenceOf(eve, annPage);
            // From here on it reads nothing; each of its messages is answered with an error.
            Thread flood = new Thread(() -> {
                byte[] frame = {(byte) 0x81, (byte) 0x81, 1, 2, 3, 4, (byte) ('x' ^ 1)};
                try {
                    for (int i = 0; i < 150_000; i++) {
                        out.write(frame);
                    }
                } catch (IOException closed) {
                    // cut off by the server, or by the end of the test
                }
            });
            flood.setDaemon(true);
            flood.start();
            flood.join(5000);
            String flicker = TestPortal.uniqueName("flick");
            PortalClient flickerClient = admin().createSignedInUser(flicker, "EMPLOYEE", "flicker-calls-phrase");
            for (int i = 0; i < 40; i++) {
                try (CallSocketClient page = CallSocketClient.open(base, flickerClient)) {
                    // The stuck page's flood may still keep both cores busy: held up means no hello at all.
                    hello(page, "round " + i);
                    assertEquals("online", presenceOf(flicker, annPage, Duration.ofSeconds(5)).getString("presence"),
                            "round " + i);
                }
                assertEquals("offline", presenceOf(flicker, annPage, Duration.ofSeconds(5)).getString("presence"),
                        "round " + i);
            }
            annPage.invite(bob, "audio");
            bobPage.next("ringing", Duration.ofSeconds(5));
        }
    }

    /**
     * The socket of a session that ended is closed within a few seconds, saying why, and hears nobody come
     * online afterwards; the socket of a session that goes on does.
     */
    private void assertEndedAndDeaf(CallSocketClient ended, CallSocketClient goingOn) {
        long start = System.nanoTime();
        CallSocketClient.Closing closing = ended.closing(SESSION_CHECK);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(1008, closing.code(), closing::toString);
        assertEquals("session revoked", closing.reason());
        ended.forget();
        goingOn.forget();
        page(eveClient);
        assertEquals(eve, presenceOf(eve, goingOn).getString("user"), "a socket whose session goes on still hears");
        assertFalse(ended.receives("presence", Duration.ofSeconds(1)), "closed after " + millis + " ms, yet it hears");
    }

    private static JsonObject presenceOf(String username, CallSocketClient page) {
        return presenceOf(username, page, Duration.ofSeconds(10));
    }

    private static JsonObject presenceOf(String username, CallSocketClient page, Duration within) {
        JsonObject presence = page.next("presence", within);
        while (!presence.getString("user").equals(username)) {
            presence = page.next("presence", within);
        }
        return presence;
    }

    private static HttpAnswer credentials(PortalClient person, long call) {
        return person.post("api/calls/" + call + "/credentials", null);
    }
}
