package org.meetingportal.credential;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.meetingportal.platform.Slice;
import org.meetingportal.account.AdminOnly;

/** The audit of issued credentials: written by the {@link GrantRecorder}, read by the audit page. */
@ApplicationScoped
@Transactional
public class CredentialAudit {

    @PersistenceContext
    EntityManager em;

    @Inject
    AdminOnly admins;

    /** The persistence unit's own database; a connection taken inside the transaction takes part in it. */
    @Resource(lookup = "java:comp/env/jdbc/portal")
    DataSource database;

    private static final String NEWEST_FIRST = "g.issuedAt desc, g.id desc";

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

    /**
     * The audit, newest first, optionally for one user and one meeting, in two reads: the page's ids from an
     * index alone (V6), then those grants by id. The query names only the filters given: H2 plans a query
     * before it sees its values, so one query for every case ({@code :username is null or ...}) would read
     * the whole audit. The order starts with the filtered column, the same in every row found, so that H2
     * reads that column's index in the page's order instead of sorting what it found; asked for whole rows
     * at once, it would rather sort a page out of its own index on the meeting's foreign key.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<CredentialGrant> search(String username, Long meetingId, int page, int size) {
        admins.require();
        int start = Slice.start(page, size);
        String user = username == null || username.isBlank() ? null : username.strip();
        StringJoiner where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        if (user != null) {
            where.add("g.username = :username");
        }
        if (meetingId != null) {
            where.add("g.meetingId = :meetingId");
        }
        String leading = user != null ? "g.username, " : meetingId != null ? "g.meetingId, " : "";
        List<Long> ids = filtered(em.createQuery("select g.id from CredentialGrant g" + where + " order by " + leading
                + NEWEST_FIRST, Long.class), user, meetingId)
                .setFirstResult(start).setMaxResults(size).getResultList();
        List<CredentialGrant> items = ids.isEmpty() ? List.of()
                : em.createQuery("select g from CredentialGrant g where g.id in :ids order by " + NEWEST_FIRST,
                        CredentialGrant.class).setParameter("ids", ids).getResultList();
        long total = filtered(em.createQuery("select count(g) from CredentialGrant g" + where, Long.class), user,
                meetingId).getSingleResult();
        return new Slice<>(items, page, size, total);
    }

    private static <T> TypedQuery<T> filtered(TypedQuery<T> query, String user, Long meetingId) {
        if (user != null) {
            query.setParameter("username", user);
        }
        if (meetingId != null) {
            query.setParameter("meetingId", meetingId);
        }
        return query;
    }
}
