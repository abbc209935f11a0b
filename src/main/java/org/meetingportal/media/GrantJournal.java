package org.meetingportal.media;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.LineJournal;
import org.meetingportal.platform.SchemaMigration;

/**
 * Where every issued credential is recorded before it is answered: a line in a journal file on this server's
 * disk, synced, which costs a fraction of a database commit. Every second, the lines recorded so far are
 * carried into the audit table in one commit ({@link CredentialAudit#move}), and before the audit page is
 * read. Files left by a crash are carried at the next start; a file is deleted only after the commit that
 * carried it, and the commit names it, so that no grant is lost or carried twice.
 *
 * <p>The journal is in {@code journal/} under {@link Configuration#dataDirectory()}: each node of a cluster
 * has its own, and each carries its own into the shared audit.
 */
@ApplicationScoped
public class GrantJournal {

    private static final Logger LOG = Logger.getLogger(GrantJournal.class.getName());
    private static final long CARRY_EVERY_SECONDS = 1;

    @Inject
    Configuration configuration;

    @Inject
    CredentialAudit audit;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final ReentrantLock carrying = new ReentrantLock();
    private volatile LineJournal journal;
    private ScheduledFuture<?> schedule;

    /**
     * Opens the journal, carries what the last run left, then carries every second. After the settings are
     * checked: a deployment stopped by a bad setting never holds the journal folder.
     */
    void start(@Observes @Priority(SchemaMigration.PRIORITY + 25) @Initialized(ApplicationScoped.class) Object started) {
        Path folder = configuration.dataDirectory().resolve("journal");
        journal = new LineJournal(folder, "grants");
        LOG.info(() -> "Credential grants are journalled in " + folder.toAbsolutePath());
        moveToAudit();
        schedule = scheduler.scheduleWithFixedDelay(this::moveToAudit, CARRY_EVERY_SECONDS, CARRY_EVERY_SECONDS,
                TimeUnit.SECONDS);
    }

    /** Carries what is left, then closes the journal; a carry already waiting finds it gone. */
    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        carrying.lock();
        try {
            // If the database is already gone, the files wait for the next start.
            moveToAudit();
            if (journal != null) {
                journal.close();
                journal = null;
            }
        } finally {
            carrying.unlock();
        }
    }

    /** Returns once the grant is on disk. */
    public void record(CredentialGrant grant) {
        LineJournal open = journal;
        if (open == null) {
            throw new IllegalStateException("the grant journal is not open");
        }
        open.append(grant.toJournalLine());
    }

    /**
     * Carries every grant recorded so far into the audit table. Never throws: a file that cannot be carried
     * now stays, is reported, and is tried again a second later; the files after it are carried meanwhile.
     */
    public void moveToAudit() {
        carrying.lock();
        try {
            LineJournal open = journal;
            if (open == null) {
                return;
            }
            for (Path file : open.seal()) {
                carry(file);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The grant journal could not be sealed now; trying again", e);
        } finally {
            carrying.unlock();
        }
    }

    private void carry(Path file) {
        try {
            audit.move(file.getFileName().toString(), grants(file));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The credential grants in " + file + " could not be carried into the audit now;"
                    + " they stay in the journal and are tried again", e);
            return;
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "A carried journal could not be deleted; its name says not to carry it again", e);
        }
    }

    private static List<CredentialGrant> grants(Path file) {
        List<String> lines = LineJournal.read(file);
        List<CredentialGrant> grants = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            try {
                grants.add(CredentialGrant.fromJournalLine(lines.get(i)));
            } catch (RuntimeException unreadable) {
                // One line this version cannot read (a damaged file, an older format) must not hold up the rest.
                int number = i + 1;
                LOG.warning(() -> "Skipping unreadable line " + number + " of " + file + ": " + unreadable);
            }
        }
        return grants;
    }
}
