package org.meetingportal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.meetingportal.platform.GroupCommit;

/**
 * Where every issued credential is recorded before it is answered: in the audit table, committed. A commit
 * is what a grant costs most, so grants arriving together share one ({@link GroupCommit}); each request still
 * returns only once its own grant is committed, and a grant whose batch fails is tried again on its own.
 * Nothing waits in memory or on this server's disk, so the audit page shows a grant the moment it is
 * answered, and every node of a cluster writes to the same table.
 */
@ApplicationScoped
public class GrantRecorder {

    /** Large enough for every request a busy server has in flight at once, small enough for one short commit. */
    private static final int LARGEST_BATCH = 64;

    @Inject
    CredentialAudit audit;

    private final GroupCommit<CredentialGrant> commits = new GroupCommit<>(this::commit, LARGEST_BATCH);

    /** Returns once the grant is committed; throws, and the credential must not be answered, if it is not. */
    public void record(CredentialGrant grant) {
        commits.write(grant);
    }

    private void commit(List<CredentialGrant> grants) {
        audit.record(grants);
    }
}
