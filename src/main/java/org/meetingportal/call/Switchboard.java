package org.meetingportal.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of one-to-one calls, without any I/O: who is connected with which tabs, which calls ring or
 * run, and what each event means for both sides. Every method answers with the {@link Step} it caused —
 * messages to send and state changes to record — and the caller carries those out. One lock for
 * everything: a call's decisions (first tab to accept wins, timeout against accept) must never interleave.
 */
public final class Switchboard implements CallBoard {

    private static final class Line {
        final long id;
        final String caller;
        final String callee;
        final Media media;
        final long roomId;
        final Instant startedAt;
        CallState state = CallState.RINGING;
        String answeredOn;

        Line(Invitation invitation, Instant startedAt) {
            this.id = invitation.id();
            this.caller = invitation.caller();
            this.callee = invitation.callee();
            this.media = invitation.media();
            this.roomId = invitation.roomId();
            this.startedAt = startedAt;
        }

        LiveCall snapshot() {
            return new LiveCall(id, caller, callee, media, state, roomId);
        }

        String other(String username) {
            return new CallParties(caller, callee).other(username);
        }

        boolean involves(String username) {
            return new CallParties(caller, callee).involves(username);
        }
    }

    private final Clock clock;
    private final Duration ringTimeout;
    private final Duration grace;
    private final int invitesPerMinute;
    private final Map<String, Set<String>> connections = new HashMap<>();
    private final Map<String, Instant> goneSince = new HashMap<>();
    private final Map<Long, Line> lines = new HashMap<>();
    private final Map<String, Long> lineOf = new HashMap<>();
    private final Map<String, Deque<Instant>> invites = new HashMap<>();

    public Switchboard(Clock clock, Duration ringTimeout, Duration grace, int invitesPerMinute) {
        this.clock = clock;
        this.ringTimeout = ringTimeout;
        this.grace = grace;
        this.invitesPerMinute = invitesPerMinute;
    }

    /** A portal page of this person opened its connection. */
    @Override
    public synchronized Step connect(String username, String connection) {
        Step step = Step.of();
        Presence before = presence(username);
        connections.computeIfAbsent(username, u -> new LinkedHashSet<>()).add(connection);
        goneSince.remove(username);
        Line line = lineFor(username);
        if (line != null && line.state == CallState.RINGING && line.callee.equals(username)) {
            step.send(username, connection, Signal.of("ringing", line.snapshot()));
        } else if (line != null) {
            step.send(username, connection, Signal.of(line.state == CallState.ACCEPTED ? "accepted" : "calling",
                    line.snapshot()));
        }
        return announce(step, username, before);
    }

    /** A page closed. A person in a call keeps it for the grace period, e.g. while the next page loads. */
    @Override
    public synchronized Step disconnect(String username, String connection) {
        Step step = Step.of();
        Presence before = presence(username);
        Set<String> open = connections.get(username);
        if (open != null) {
            open.remove(connection);
            if (open.isEmpty()) {
                connections.remove(username);
                if (lineOf.containsKey(username)) {
                    goneSince.put(username, clock.instant());
                }
            }
        }
        return announce(step, username, before);
    }

    @Override
    public synchronized Presence presence(String username) {
        Line line = lineFor(username);
        if (line != null && line.state == CallState.ACCEPTED) {
            return Presence.IN_CALL;
        }
        return connections.containsKey(username) ? Presence.ONLINE : Presence.OFFLINE;
    }

    /** Everyone not offline, for a page that has just connected. */
    @Override
    public synchronized Map<String, Presence> everyonePresent() {
        Map<String, Presence> present = new HashMap<>();
        for (String username : connections.keySet()) {
            present.put(username, presence(username));
        }
        for (Line line : lines.values()) {
            if (line.state == CallState.ACCEPTED) {
                present.put(line.caller, Presence.IN_CALL);
                present.put(line.callee, Presence.IN_CALL);
            }
        }
        return present;
    }

    @Override
    public synchronized Set<String> parties() {
        return Set.copyOf(lineOf.keySet());
    }

    /** Why an invitation cannot be placed at all (nothing is recorded then), or empty if it can. */
    @Override
    public synchronized Optional<String> refusal(String caller, String callee) {
        if (caller.equals(callee)) {
            return Optional.of("self");
        }
        if (lineOf.containsKey(caller)) {
            return Optional.of("already-in-call");
        }
        Deque<Instant> recent = invites.getOrDefault(caller, new ArrayDeque<>());
        Instant windowStart = clock.instant().minus(Duration.ofMinutes(1));
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
            recent.pollFirst();
        }
        if (recent.size() >= invitesPerMinute) {
            return Optional.of("too-many");
        }
        return Optional.empty();
    }

    /**
     * Places a recorded call: it rings on every tab of the callee, or ends at once as busy (the callee is in
     * another call) or missed (the callee has no portal page open).
     */
    @Override
    public synchronized Step invite(Invitation invitation) {
        Instant now = clock.instant();
        invites.computeIfAbsent(invitation.caller(), u -> new ArrayDeque<>()).addLast(now);
        Line line = new Line(invitation, now);
        Step step = Step.of();
        Presence callerBefore = presence(invitation.caller());
        if (lineOf.containsKey(invitation.callee())) {
            line.state = CallState.BUSY;
        } else if (!connections.containsKey(invitation.callee())) {
            line.state = CallState.MISSED;
        }
        if (line.state.isFinal()) {
            step.change(line.id, line.state, now);
            step.send(line.caller, null, Signal.of("ended", line.snapshot()));
            if (line.state == CallState.MISSED) {
                step.send(line.callee, null, Signal.of("missed", line.snapshot()));
            }
            return step;
        }
        lines.put(line.id, line);
        lineOf.put(line.caller, line.id);
        lineOf.put(line.callee, line.id);
        step.send(line.caller, null, Signal.of("calling", line.snapshot()));
        step.send(line.callee, null, Signal.of("ringing", line.snapshot()));
        return announce(step, invitation.caller(), callerBefore);
    }

    /** The callee answers on one tab: the first such answer wins, every other tab stops ringing. */
    @Override
    public synchronized Step accept(long callId, String username, String connection) {
        Line line = lines.get(callId);
        Step step = Step.of();
        if (line == null || !line.callee.equals(username) || line.state != CallState.RINGING) {
            return step.send(username, connection, Signal.error(line != null && line.callee.equals(username)
                    ? "already-answered" : "no-such-call"));
        }
        Presence callerBefore = presence(line.caller);
        Presence calleeBefore = presence(line.callee);
        line.state = CallState.ACCEPTED;
        line.answeredOn = connection;
        step.change(line.id, CallState.ACCEPTED, clock.instant());
        step.send(line.caller, null, Signal.of("accepted", line.snapshot()));
        step.send(line.callee, connection, Signal.of("accepted", line.snapshot()));
        for (String other : connections.getOrDefault(line.callee, Set.of())) {
            if (!other.equals(connection)) {
                step.send(line.callee, other, Signal.of("answered-elsewhere", line.snapshot()));
            }
        }
        announce(step, line.caller, callerBefore);
        return announce(step, line.callee, calleeBefore);
    }

    @Override
    public synchronized Step reject(long callId, String username) {
        return finish(callId, username, CallState.RINGING, true, CallState.REJECTED);
    }

    @Override
    public synchronized Step cancel(long callId, String username) {
        return finish(callId, username, CallState.RINGING, false, CallState.CANCELLED);
    }

    /** Either side ends a running call; a caller hanging up before an answer cancels it. */
    @Override
    public synchronized Step hangUp(long callId, String username) {
        Line line = lines.get(callId);
        if (line != null && line.state == CallState.RINGING && line.caller.equals(username)) {
            return finish(callId, username, CallState.RINGING, false, CallState.CANCELLED);
        }
        if (line != null && line.state == CallState.RINGING && line.callee.equals(username)) {
            return finish(callId, username, CallState.RINGING, true, CallState.REJECTED);
        }
        Step step = Step.of();
        if (line == null || !line.involves(username)) {
            return step.send(username, null, Signal.error("no-such-call"));
        }
        return end(line, CallState.ENDED, step);
    }

    /** Whether this person may have credentials for this call now: a party, and the call is running. */
    public synchronized boolean isRunning(long callId, String username) {
        Line line = lines.get(callId);
        return line != null && line.state == CallState.ACCEPTED && line.involves(username);
    }

    /** Time passing: unanswered calls become missed, calls whose party has gone end after the grace period. */
    @Override
    public synchronized Step tick() {
        Instant now = clock.instant();
        Step step = Step.of();
        for (Line line : new ArrayList<>(lines.values())) {
            if (line.state == CallState.RINGING && !now.isBefore(line.startedAt.plus(ringTimeout))) {
                step.send(line.callee, null, Signal.of("missed", withState(line, CallState.MISSED)));
                end(line, CallState.MISSED, step);
            } else if (lost(line.caller, now)) {
                end(line, line.state == CallState.RINGING ? CallState.CANCELLED : CallState.ENDED, step);
            } else if (line.state == CallState.ACCEPTED && lost(line.callee, now)) {
                end(line, CallState.ENDED, step);
            }
        }
        return step;
    }

    private boolean lost(String username, Instant now) {
        Instant since = goneSince.get(username);
        return since != null && !now.isBefore(since.plus(grace));
    }

    private Step finish(long callId, String username, CallState from, boolean byCallee, CallState to) {
        Line line = lines.get(callId);
        Step step = Step.of();
        if (line == null || line.state != from || !(byCallee ? line.callee : line.caller).equals(username)) {
            return step.send(username, null, Signal.error("no-such-call"));
        }
        return end(line, to, step);
    }

    private Step end(Line line, CallState state, Step step) {
        Presence callerBefore = presence(line.caller);
        Presence calleeBefore = presence(line.callee);
        line.state = state;
        lines.remove(line.id);
        lineOf.remove(line.caller, line.id);
        lineOf.remove(line.callee, line.id);
        goneSince.remove(line.caller);
        goneSince.remove(line.callee);
        step.change(line.id, state, clock.instant());
        step.send(line.caller, null, Signal.of("ended", line.snapshot()));
        step.send(line.callee, null, Signal.of("ended", line.snapshot()));
        announce(step, line.caller, callerBefore);
        return announce(step, line.callee, calleeBefore);
    }

    private static LiveCall withState(Line line, CallState state) {
        return new LiveCall(line.id, line.caller, line.callee, line.media, state, line.roomId);
    }

    private Line lineFor(String username) {
        Long id = lineOf.get(username);
        return id == null ? null : lines.get(id);
    }

    /** Tells everyone connected when a person's presence changed. */
    private Step announce(Step step, String username, Presence before) {
        Presence now = presence(username);
        if (now != before) {
            for (String listener : new HashSet<>(connections.keySet())) {
                step.send(listener, null, Signal.presence(username, now));
            }
        }
        return step;
    }
}
