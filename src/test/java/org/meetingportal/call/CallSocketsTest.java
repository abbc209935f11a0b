package org.meetingportal.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.meetingportal.account.Account;
import org.meetingportal.account.Role;
import org.meetingportal.platform.Configuration;
import org.meetingportal.security.SessionCheck;
import org.meetingportal.security.SignedInUser;
import org.meetingportal.testing.TestClock;

/**
 * The sockets' side of the session rule, for what an integration test cannot wait for: a socket whose
 * session reaches its absolute age (12 hours here) is closed, on the clock the test moves.
 */
class CallSocketsTest {

    private final Instant signedInAt = Instant.parse("2026-11-21T08:00:00Z");
    private final TestClock clock = new TestClock(signedInAt);
    private final CallSockets sockets = new CallSockets();
    private final Map<String, Account> known = new java.util.HashMap<>();

    /** A socket as the container hands it over: only its id, whether it is open, and how it was closed. */
    private static final class FakeSession {
        final String id;
        CloseReason closed;
        final Session session;

        FakeSession(String id) {
            this.id = id;
            this.session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getId" -> this.id;
                        case "getUserProperties" -> java.util.Map.of();
                        case "isOpen" -> closed == null;
                        case "close" -> {
                            closed = args == null ? new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "") : (CloseReason) args[0];
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    CallSocketsTest() {
        sockets.sessionCheck = new SessionCheck(new Configuration(Map.of(Configuration.SESSION_MAX_HOURS, "12")::get), clock);
        sockets.calls = new CallService() {
            @Override
            public Map<String, Account> accounts(List<String> usernames) {
                return usernames.stream().filter(known::containsKey)
                        .collect(Collectors.toMap(u -> u, known::get));
            }
        };
    }

    private void account(String username, int generation) {
        known.put(username, new Account(username, username, username + "@example.com", Role.EMPLOYEE, true, false,
                generation, null, false, null));
    }

    @Test
    void aSocketIsClosedWhenItsSessionReachesItsAbsoluteAge() {
        account("alice", 1);
        account("bob", 1);
        FakeSession alice = new FakeSession("a");
        FakeSession bob = new FakeSession("b");
        sockets.opened(alice.session, new SignedInUser("alice", 1, signedInAt, "t"));
        sockets.opened(bob.session, new SignedInUser("bob", 1, signedInAt.plus(Duration.ofHours(1)), "t"));

        clock.now = signedInAt.plus(Duration.ofHours(12)).minusSeconds(1);
        sockets.checkSessions();
        assertNull(alice.closed, "not a second early");

        clock.now = signedInAt.plus(Duration.ofHours(12));
        sockets.checkSessions();
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, alice.closed.getCloseCode());
        assertEquals("session expired", alice.closed.getReasonPhrase());
        assertNull(bob.closed, "a session signed in later goes on");
    }

    @Test
    void aPersonsSixthSocketClosesTheirOldest() {
        FakeSession[] tabs = new FakeSession[CallSockets.MAX_PER_PERSON + 1];
        for (int i = 0; i < tabs.length; i++) {
            tabs[i] = new FakeSession("t" + i);
            sockets.opened(tabs[i].session, new SignedInUser("alice", 1, signedInAt, "t"));
            sockets.opened(new FakeSession("other" + i).session, new SignedInUser("bob", 1, signedInAt, "t"));
        }
        assertEquals("too many pages", tabs[0].closed.getReasonPhrase());
        for (int i = 1; i < tabs.length; i++) {
            assertNull(tabs[i].closed);
        }
    }

    @Test
    void aSocketIsClosedWhenItsSessionIsRevoked() {
        account("alice", 2);
        FakeSession alice = new FakeSession("a");
        sockets.opened(alice.session, new SignedInUser("alice", 1, signedInAt, "t"));
        clock.now = signedInAt.plusSeconds(5);
        sockets.checkSessions();
        assertEquals("session revoked", alice.closed.getReasonPhrase());
    }
}
