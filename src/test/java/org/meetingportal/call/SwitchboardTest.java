package org.meetingportal.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every transition of a call, with a clock the test moves by hand. */
class SwitchboardTest {

    /** A clock that stands still until the test moves it. */
    static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final Switchboard board = new Switchboard(clock, Duration.ofSeconds(30), Duration.ofSeconds(10), 3);
    private long nextId = 1;

    private Invitation call(String caller, String callee) {
        return new Invitation(nextId++, caller, "c-" + caller, callee, Media.VIDEO, 4_000_000_000L + nextId);
    }

    private static List<String> types(Step step, String username) {
        return step.deliveries().stream().filter(d -> d.username().equals(username))
                .map(d -> d.signal().type()).toList();
    }

    private static CallState recorded(Step step) {
        assertEquals(1, step.changes().size(), () -> "one recorded change: " + step.changes());
        return step.changes().get(0).state();
    }

    private void online(String... usernames) {
        for (String username : usernames) {
            board.connect(username, "c-" + username);
        }
    }

    @Test
    void ringAcceptHangUp() {
        online("ann", "bob");
        Invitation invitation = call("ann", "bob");
        assertEquals(Set.of(), board.parties());
        Step placed = board.invite(invitation);
        assertEquals(Set.of("ann", "bob"), board.parties(), "a ringing call's parties are watched");
        assertTrue(placed.changes().isEmpty(), "ringing is how the record starts");
        assertTrue(types(placed, "ann").contains("calling"));
        assertTrue(types(placed, "bob").contains("ringing"));

        Step accepted = board.accept(invitation.id(), "bob", "c-bob");
        assertEquals(CallState.ACCEPTED, recorded(accepted));
        assertTrue(types(accepted, "ann").contains("accepted"));
        assertEquals(Presence.IN_CALL, board.presence("ann"));
        assertEquals(Presence.IN_CALL, board.presence("bob"));
        assertTrue(board.isRunning(invitation.id(), "ann") && board.isRunning(invitation.id(), "bob"));
        assertFalse(board.isRunning(invitation.id(), "eve"), "credentials for the two parties only");

        Step ended = board.hangUp(invitation.id(), "bob");
        assertEquals(CallState.ENDED, recorded(ended));
        assertTrue(types(ended, "ann").contains("ended") && types(ended, "bob").contains("ended"));
        assertEquals(Presence.ONLINE, board.presence("ann"));
        assertFalse(board.isRunning(invitation.id(), "ann"));
        assertEquals(Set.of(), board.parties());
    }

    @Test
    void rejectAndCancel() {
        online("ann", "bob");
        Invitation first = call("ann", "bob");
        board.invite(first);
        assertEquals(CallState.REJECTED, recorded(board.reject(first.id(), "bob")));
        Invitation second = call("ann", "bob");
        board.invite(second);
        assertTrue(types(board.reject(second.id(), "ann"), "ann").contains("error"), "only the callee rejects");
        Step cancelled = board.cancel(second.id(), "ann");
        assertEquals(CallState.CANCELLED, recorded(cancelled));
        assertTrue(types(cancelled, "bob").contains("ended"), "the callee stops ringing");
    }

    @Test
    void busyWhenTheCalleeIsInAnotherCall() {
        online("ann", "bob", "cat");
        Invitation first = call("ann", "bob");
        board.invite(first);
        board.accept(first.id(), "bob", "c-bob");
        Step busy = board.invite(call("cat", "bob"));
        assertEquals(CallState.BUSY, recorded(busy));
        assertTrue(types(busy, "cat").contains("ended"));
        assertTrue(types(busy, "bob").isEmpty(), "nothing rings for someone already talking");
        assertEquals(Optional.of("already-in-call"), board.refusal("ann", "cat"));
    }

    @Test
    void unansweredCallsAreMissedAfterTheTimeout() {
        online("ann", "bob");
        Invitation invitation = call("ann", "bob");
        board.invite(invitation);
        clock.advance(Duration.ofSeconds(29));
        assertTrue(board.tick().changes().isEmpty());
        clock.advance(Duration.ofSeconds(1));
        Step missed = board.tick();
        assertEquals(CallState.MISSED, recorded(missed));
        assertTrue(types(missed, "bob").contains("missed"));
        assertTrue(types(missed, "ann").contains("ended"));
        assertTrue(types(board.accept(invitation.id(), "bob", "c-bob"), "bob").contains("error"), "too late");
    }

    @Test
    void calleeOfflineIsMissedAtOnce() {
        online("ann");
        assertEquals(CallState.MISSED, recorded(board.invite(call("ann", "bob"))));
    }

    @Test
    void everyTabRingsAndTheFirstToAcceptWins() {
        online("ann");
        board.connect("bob", "bob-tab-1");
        board.connect("bob", "bob-tab-2");
        Invitation invitation = call("ann", "bob");
        Step placed = board.invite(invitation);
        assertTrue(placed.deliveries().stream().anyMatch(d -> d.username().equals("bob") && d.connection() == null
                && d.signal().type().equals("ringing")), "rings on all of bob's tabs");

        Step first = board.accept(invitation.id(), "bob", "bob-tab-2");
        assertEquals(CallState.ACCEPTED, recorded(first));
        Delivery stop = first.deliveries().stream().filter(d -> d.signal().type().equals("answered-elsewhere"))
                .findFirst().orElseThrow();
        assertEquals("bob-tab-1", stop.connection());
        Step second = board.accept(invitation.id(), "bob", "bob-tab-1");
        assertTrue(second.changes().isEmpty());
        assertEquals("already-answered", second.deliveries().get(0).signal().detail());
    }

    @Test
    void aClosedBrowserEndsTheCallAfterTheGraceButANewPageInTimeKeepsIt() {
        online("ann", "bob");
        Invitation invitation = call("ann", "bob");
        board.invite(invitation);
        board.accept(invitation.id(), "bob", "c-bob");

        board.disconnect("bob", "c-bob");
        clock.advance(Duration.ofSeconds(5));
        board.connect("bob", "call-page");
        clock.advance(Duration.ofSeconds(20));
        assertTrue(board.tick().changes().isEmpty(), "moving to the call page is not leaving");

        board.disconnect("ann", "c-ann");
        clock.advance(Duration.ofSeconds(9));
        assertTrue(board.tick().changes().isEmpty());
        clock.advance(Duration.ofSeconds(1));
        Step ended = board.tick();
        assertEquals(CallState.ENDED, recorded(ended));
        assertTrue(types(ended, "bob").contains("ended"));
    }

    @Test
    void aCallerWhoLeavesWhileRingingCancels() {
        online("ann", "bob");
        board.invite(call("ann", "bob"));
        board.disconnect("ann", "c-ann");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(CallState.CANCELLED, recorded(board.tick()));
    }

    @Test
    void nobodyCallsThemselvesAndCallsPerMinuteAreLimited() {
        online("ann", "bob");
        assertEquals(Optional.of("self"), board.refusal("ann", "ann"));
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), board.refusal("ann", "bob"));
            Invitation invitation = call("ann", "bob");
            board.invite(invitation);
            board.cancel(invitation.id(), "ann");
        }
        assertEquals(Optional.of("too-many"), board.refusal("ann", "bob"));
        clock.advance(Duration.ofSeconds(61));
        assertEquals(Optional.empty(), board.refusal("ann", "bob"));
    }

    @Test
    void presenceFollowsPagesAndCallsAndIsAnnounced() {
        assertEquals(Presence.OFFLINE, board.presence("ann"));
        online("bob");
        Step connected = board.connect("ann", "c-ann");
        assertTrue(connected.deliveries().stream().anyMatch(d -> d.username().equals("bob")
                && d.signal().type().equals("presence") && d.signal().detail().equals("ann")
                && d.signal().presence() == Presence.ONLINE));
        assertEquals(Presence.ONLINE, board.everyonePresent().get("ann"));
        board.connect("ann", "c-ann-2");
        assertTrue(board.disconnect("ann", "c-ann").deliveries().isEmpty(), "one tab of two closing changes nothing");
        board.disconnect("ann", "c-ann-2");
        assertEquals(Presence.OFFLINE, board.presence("ann"));
    }
}
