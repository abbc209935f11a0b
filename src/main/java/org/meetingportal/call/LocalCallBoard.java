package org.meetingportal.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.logging.Logger;
import org.meetingportal.platform.Configuration;

/**
 * The call board of a single node, in this JVM's memory. Nothing of it survives a stop, so a call still
 * open in the database when the board is made was cut off by that stop and is recorded as ended. (A shared
 * board outlives any one node and must not do this.)
 */
@ApplicationScoped
class LocalCallBoard {

    private static final Logger LOG = Logger.getLogger(LocalCallBoard.class.getName());

    @Produces
    @ApplicationScoped
    CallBoard board(Clock clock, Configuration configuration, CallService calls) {
        int leftovers = calls.endLeftovers(clock.instant());
        if (leftovers > 0) {
            LOG.info(() -> "Calls: " + leftovers + " call(s) open at the last stop marked as ended");
        }
        return new Switchboard(clock, configuration.callRingTimeout(), configuration.callGrace(),
                configuration.callRatePerMinute());
    }
}
