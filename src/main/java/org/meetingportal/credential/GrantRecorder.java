package org.meetingportal.credential;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.WriteBehind;

/**
 * Where every issued credential is recorded: taken in memory as it is issued and committed to the audit
 * table within {@link #WRITE_EVERY}, all the grants of that moment in one commit ({@link WriteBehind}). A
 * commit is what a grant would cost most, and on a busy server one each would halve the credential call's
 * throughput. What that buys is bounded both ways:
 * <ul>
 * <li>a graceful stop writes what is left, so only a crash of the server itself can lose grants: those of
 * its last {@link #WRITE_EVERY}, none of which let anybody into a room they were not admitted to;</li>
 * <li>no credential is issued while the audit cannot be written: once a grant has waited
 * {@link #PATIENCE} unwritten (the database is down), credential calls answer 503 until it is back.</li>
 * </ul>
 * Each node of a cluster writes its own grants to the shared table.
 */
@ApplicationScoped
public class GrantRecorder {

    static final Duration WRITE_EVERY = Duration.ofMillis(50);
    static final Duration PATIENCE = Duration.ofSeconds(10);
    /** One statement's worth of rows; a busy second's grants take a few such batches. */
    private static final int LARGEST_BATCH = 500;
    private static final Logger LOG = Logger.getLogger(GrantRecorder.class.getName());

    @Inject
    CredentialAudit audit;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private WriteBehind<CredentialGrant> grants;
    private ScheduledFuture<?> writing;
    private volatile boolean failing;

    @PostConstruct
    void start() {
        grants = new WriteBehind<>(audit::record, LARGEST_BATCH, PATIENCE, clock);
        writing = scheduler.scheduleWithFixedDelay(this::write, WRITE_EVERY.toMillis(), WRITE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the grant for the audit.
     *
     * @throws DomainException 503 while grants cannot be written
     */
    public void record(CredentialGrant grant) {
        if (!grants.add(grant)) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "credentials.auditUnavailable");
        }
    }

    /** Never throws: a scheduled task that throws is never run again. */
    void write() {
        try {
            grants.flush();
            if (failing) {
                failing = false;
                LOG.info("The credential audit is written again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.SEVERE, "The credential audit cannot be written; grants wait in memory, and credentials"
                        + " are refused once one has waited " + PATIENCE.toSeconds() + " s", e);
            }
        }
    }

    /** Before the beans go, while the audit and its database are still there. */
    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        writing.cancel(false);
        try {
            grants.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, grants.backlog() + " credential grants could not be written to the audit at the stop"
                    + " and are lost", e);
        }
    }
}
