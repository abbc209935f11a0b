package org.meetingportal.account;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.StartupOrder;

/**
 * On a portal with no account at all, creates {@code admin}: with {@code PORTAL_ADMIN_PASSWORD} when the
 * operator set one, otherwise with a random password printed on the server's console this once. Either must
 * be changed at the first sign-in: an environment variable lingers in unit files and process listings. Runs
 * after the schema migration.
 */
@ApplicationScoped
public class InitialAdmin {

    private static final Logger LOG = Logger.getLogger(InitialAdmin.class.getName());

    @Inject
    AccountService accounts;

    @Inject
    Configuration configuration;

    void create(@Observes @Priority(StartupOrder.FIRST_ADMIN) @Initialized(ApplicationScoped.class) Object started) {
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
        generated.ifPresent(password -> {
            // Straight to the process's standard output, past the logging system: log files are kept, rotated,
            // copied and shipped to other systems, the console is not.
            PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            console.println("The portal had no account, so it created the administrator '" + AccountService.INITIAL_ADMIN
                    + "' with the password " + password + " . It is shown only this once, here, and must be changed"
                    + " at the first sign-in.");
            console.flush();
            LOG.warning("The portal had no account, so it created the administrator '" + AccountService.INITIAL_ADMIN
                    + "' with a generated password, shown once on the server's console and never in this log. It"
                    + " must be changed at the first sign-in; to choose it instead, set PORTAL_ADMIN_PASSWORD.");
        });
    }
}
