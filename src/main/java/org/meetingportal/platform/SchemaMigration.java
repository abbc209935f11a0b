package org.meetingportal.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to this version of the portal before anything else runs, from the versioned
 * scripts in {@code db/migration}. Flyway takes a database lock while it works, so nodes starting together
 * migrate once. A failure stops the deployment rather than letting the portal run on the wrong schema.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:comp/env/jdbc/portal")
    DataSource dataSource;

    void migrate(@Observes @Priority(StartupOrder.SCHEMA) @Initialized(ApplicationScoped.class) Object started) {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + (result.targetSchemaVersion != null
                ? result.targetSchemaVersion : result.initialSchemaVersion) + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
