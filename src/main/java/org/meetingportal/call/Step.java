package org.meetingportal.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one event caused. */
public record Step(List<Delivery> deliveries, List<Change> changes) {
    static Step of() {
        return new Step(new ArrayList<>(), new ArrayList<>());
    }

    Step send(String username, String connection, Signal signal) {
        deliveries.add(new Delivery(username, connection, signal));
        return this;
    }

    Step change(long callId, CallState state, Instant at) {
        changes.add(new Change(callId, state, at));
        return this;
    }
}
