package org.meetingportal.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Whether the portal's database can be shared by several nodes: PostgreSQL can, and then the nodes keep their
 * live state (presence, calls, rate limits) in it; the embedded H2 belongs to one node, which keeps that state
 * in its own memory.
 */
@ApplicationScoped
public class SharedDatabase {

    @Resource(lookup = "java:comp/env/jdbc/portal")
    DataSource dataSource;

    private volatile Boolean shared;

    public boolean isShared() {
        Boolean known = shared;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("the database cannot be reached to tell what it is", e);
            }
            shared = known;
        }
        return known;
    }
}
