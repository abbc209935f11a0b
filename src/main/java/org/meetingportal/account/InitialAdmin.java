package org.meetingportal.account;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.SchemaMigration;

/**
 * On a portal with no account at all, creates {@code admin}: with {@code PORTAL_ADMIN_PASSWORD} when the
 * operator set one, otherwise with a random password that is written to the log this once and must be
 * changed at the first sign-in. Runs after the schema migration.
 */
@ApplicationScoped
public class InitialAdmin {

    private static final Logger LOG = Logger.getLogger(InitialAdmin.class.getName());

    @Inject
    AccountService accounts;

    @Inject
    Configuration configuration;

    void create(@Observes @Priority(SchemaMigration.PRIORITY + 10) @Initialized(ApplicationScoped.class) Object started) {
        Optional<String> configured = configuration.initialAdminPassword();
        Optional<String> generated;
        try {
            generated = accounts.createInitialAdmin(configured);
        } catch (RuntimeException e) {
            // Another node may have created the first admin at the same moment; its account is as good as ours.
            if (!(e instanceof IllegalStateException) && accounts.account(AccountService.INITIAL_ADMIN).isPresent()) {
                return;
            }
            throw e;
        }
        generated.ifPresent(password -> LOG.warning("The portal had no account, so it created the administrator '"
                + AccountService.INITIAL_ADMIN + "' with the password " + password
                + " . It is shown only this once and must be changed at the first sign-in."));
    }
}
