package org.meetingportal.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Predicate;

/**
 * The tests' SMTP server: GreenMail in the test JVM on the port the servers under test send to
 * ({@code PORTAL_SMTP_PORT}), started once per run before the first test. It refuses, as a real server refuses
 * an unknown mailbox ({@code 550 5.1.1}), every address whose mailbox starts with {@code refused}. It can be
 * stopped and started again: what it had received is kept across that here, as GreenMail itself forgets it.
 */
public final class TestSmtp {

    /** Mailboxes the server refuses start with this. */
    public static final String REFUSED = "refused";

    private static TestSmtp shared;

    private final int port;
    private final List<MimeMessage> before = new ArrayList<>();
    private final Map<String, String> logins = new java.util.LinkedHashMap<>();
    private GreenMail server;
    private volatile boolean loginRequired;

    private TestSmtp(int port) {
        this.port = port;
        start();
    }

    /** The server the portals under test send to, started on first use; empty when the run sends no mail. */
    public static synchronized Optional<TestSmtp> forServers() {
        String host = TestPortal.setting("PORTAL_SMTP_HOST");
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        if (shared == null) {
            shared = new TestSmtp(Integer.parseInt(TestPortal.setting("PORTAL_SMTP_PORT")));
            // A run whose servers sign in (Payara's, with use-smtp-login.asadmin) gets a relay that wants it.
            String login = System.getenv().getOrDefault("PORTAL_SMTP_USER", "");
            if (!login.isBlank()) {
                shared.addLogin(login, TestPortal.setting("PORTAL_SMTP_PASSWORD"));
                shared.loginRequired = true;
            }
        }
        return Optional.of(shared);
    }

    /**
     * The server for a cluster this run starts with mail of its own (the PostgreSQL runs' single servers have
     * none), on the same port.
     */
    public static synchronized TestSmtp forCluster() {
        if (shared == null) {
            shared = new TestSmtp(Integer.parseInt(TestPortal.setting("PORTAL_SMTP_PORT")));
        }
        return shared;
    }

    /** The server, or a loud failure in a run that should have one. */
    public static TestSmtp required() {
        return forServers().orElseThrow(() -> new AssertionError("PORTAL_SMTP_HOST is not set for this run"));
    }

    public synchronized void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)) {
            @Override
            protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
                return super.createServices(config, new Refusing(managers, () -> loginRequired));
            }
        };
        server.start();
        logins.forEach((login, password) -> server.setUser(login + "@portal.test", login, password));
    }

    /**
     * Makes {@code login} an account of this server: a client that signs in as it must give this password (one
     * that does not sign in is still taken, as by a relay that trusts its network).
     */
    public synchronized void addLogin(String login, String password) {
        logins.put(login, password);
        server.setUser(login + "@portal.test", login, password);
    }

    /** Stops listening: senders find the port closed. */
    public synchronized void stop() {
        before.addAll(Arrays.asList(server.getReceivedMessages()));
        server.stop();
    }

    /** Everything received so far, oldest first. */
    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(before);
        all.addAll(Arrays.asList(server.getReceivedMessages()));
        return all;
    }

    /** The messages to one address. */
    public List<MimeMessage> to(String address) {
        return received().stream().filter(sentTo(address)).toList();
    }

    /** Waits until {@code address} has at least {@code count} messages; returns them. */
    public List<MimeMessage> await(String address, int count, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            List<MimeMessage> found = to(address);
            if (found.size() >= count) {
                return found;
            }
            if (Instant.now().isAfter(until)) {
                fail(count + " messages to " + address + " expected within " + timeout + ", got " + found.size());
            }
            sleep(100);
        }
    }

    private static Predicate<MimeMessage> sentTo(String address) {
        return message -> {
            try {
                Address[] to = message.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether this server refuses a message from a client that has not signed in. */
    public boolean loginRequired() {
        return loginRequired;
    }

    /**
     * GreenMail's managers with an SMTP manager that refuses the {@link #REFUSED} mailboxes and, when a login is
     * required, the senders that did not sign in ({@code 530}, as a submission server answers).
     */
    private static final class Refusing extends Managers {

        private final Managers managers;
        private final SmtpManager smtp;

        Refusing(Managers managers, java.util.function.BooleanSupplier loginRequired) {
            this.managers = managers;
            ImapHostManager imap = managers.getImapHostManager();
            UserManager users = managers.getUserManager();
            // GreenMail keeps the sign-in on the message, which it forgets after each DATA; the connection's
            // state (one per connection) stays, so that is what is remembered as signed in.
            Set<SmtpState> signedIn = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));
            this.smtp = new SmtpManager(imap, users) {
                @Override
                public String checkSender(SmtpState state, MailAddress sender) {
                    if (state.getMessage().getAuthenticationState() != null) {
                        signedIn.add(state);
                    }
                    return loginRequired.getAsBoolean() && !signedIn.contains(state)
                            ? "530 5.7.0 Authentication required" : super.checkSender(state, sender);
                }

                @Override
                public String checkRecipient(SmtpState state, MailAddress address) {
                    return address.getUser().startsWith(REFUSED) ? "550 5.1.1 No such mailbox: " + address.getUser() + "@" + address.getHost()
                            : super.checkRecipient(state, address);
                }
            };
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }

        @Override
        public UserManager getUserManager() {
            return managers.getUserManager();
        }

        @Override
        public ImapHostManager getImapHostManager() {
            return managers.getImapHostManager();
        }
    }
}
