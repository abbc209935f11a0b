package org.meetingportal.media;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.meetingportal.platform.Page;

/** The audit of issued credentials: written by the {@link GrantRecorder}, read by the audit page. */
@ApplicationScoped
@Transactional
public class CredentialAudit {

    @PersistenceContext
    EntityManager em;

    /** The persistence unit's own database; a connection taken inside the transaction takes part in it. */
    @Resource(lookup = "java:comp/env/jdbc/portal")
    DataSource database;

    private static final String INSERT = "INSERT INTO credential_grant (username, meeting_id, call_id, role,"
            + " privileges, issued_at, expires_at, user_sig_expires_at, client_address)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Commits these grants together, in a transaction of their own: whichever request writes the batch
     * commits its neighbours' grants, never its own work. One JDBC batch rather than a persist each: with
     * identity keys an entity is inserted on its own and its key read back, which nobody here needs, and
     * this runs for every credential. A failure is unchecked, so that the transaction rolls back whole.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(List<CredentialGrant> grants) {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (CredentialGrant grant : grants) {
                insert.setString(1, grant.getUsername());
                insert.setObject(2, grant.getMeetingId(), Types.BIGINT);
                insert.setObject(3, grant.getCallId(), Types.BIGINT);
                insert.setString(4, grant.getRole().name());
                insert.setInt(5, grant.getPrivileges());
                insert.setObject(6, utc(grant.getIssuedAt()));
                insert.setObject(7, utc(grant.getExpiresAt()));
                insert.setObject(8, utc(grant.getUserSigExpiresAt()));
                insert.setString(9, grant.getClientAddress());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("the credential audit could not be written", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The audit, newest first, optionally for one user and one meeting. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CredentialGrant> search(String username, Long meetingId, int page, int size) {
        String user = username == null || username.isBlank() ? null : username.strip();
        List<CredentialGrant> items = em.createNamedQuery(CredentialGrant.SEARCH, CredentialGrant.class)
                .setParameter("username", user).setParameter("meetingId", meetingId)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createNamedQuery(CredentialGrant.COUNT_SEARCH, Long.class)
                .setParameter("username", user).setParameter("meetingId", meetingId).getSingleResult();
        return new Page<>(items, page, size, total);
    }
}
