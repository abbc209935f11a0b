package org.meetingportal.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.logging.Logger;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.SharedDatabase;

/**
 * Which board and fan-out the calls use, by the database: on PostgreSQL, the ones the nodes of a cluster share
 * (one node alone uses them as well, and a second node can join at any time); on the embedded H2 of a single
 * node, the ones in this JVM's memory.
 */
@ApplicationScoped
class CallBoardChoice {

    private static final Logger LOG = Logger.getLogger(CallBoardChoice.class.getName());

    @Produces
    @ApplicationScoped
    CallBoard board(SharedDatabase database, Instance<SharedCallBoard> shared, Clock clock,
            Configuration configuration, CallService calls) {
        if (database.isShared()) {
            LOG.info("Calls: presence and calls on the board shared through the database");
            return shared.get();
        }
        // Nothing of a board in memory survives a stop, so a call still open in the database was cut off by it.
        int leftovers = calls.endLeftovers(clock.instant());
        if (leftovers > 0) {
            LOG.info(() -> "Calls: " + leftovers + " call(s) open at the last stop marked as ended");
        }
        return new Switchboard(clock, configuration.callRingTimeout(), configuration.callGrace(),
                configuration.callRatePerMinute());
    }

    @Produces
    @ApplicationScoped
    CallFanout fanout(SharedDatabase database, Instance<SharedCallFanout> shared, Instance<LocalCallFanout> local) {
        return database.isShared() ? shared.get() : local.get();
    }
}
