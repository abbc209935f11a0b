package org.meetingportal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.TestPortal;
import org.meetingportal.testing.TestSmtp;

/**
 * A portal's life across hard stops, on its own WildFly (a copy of the provisioned server's configuration,
 * ports +300, a fresh data folder, no PORTAL_ADMIN_PASSWORD) that this test starts and kills with SIGKILL:
 * the first start creates an admin with a logged random password, committed accounts survive {@code kill -9},
 * the stored hashes have OWASP's parameters, a hash with old parameters is renewed at sign-in, and sessions
 * outlive a graceful restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {

    private static final int PORT_OFFSET = 300;
    private static final URI BASE = URI.create("http://127.0.0.1:" + (8080 + PORT_OFFSET) + "/");
    private static final Pattern GENERATED = Pattern.compile("'admin' with the password (\\S+) \\.");

    private static Path baseDir;
    private static Path dataDir;
    private static Process server;
    private static final List<Process> started = new ArrayList<>();
    private static final Map<String, String> passwords = new HashMap<>();

    @BeforeAll
    static void prepareServerCopy() throws IOException {
        Path build = TestPortal.buildDir();
        baseDir = build.resolve("restart-it/standalone");
        dataDir = build.resolve("restart-it/data");
        TestPortal.deleteTree(build.resolve("restart-it"));
        Path provisioned = Path.of(System.getProperty("jboss.home"), "standalone");
        Files.createDirectories(baseDir.resolve("configuration"));
        Files.createDirectories(baseDir.resolve("deployments"));
        try (Stream<Path> files = Files.list(provisioned.resolve("configuration"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.equals("standalone.xml")) {
                    // Deployments another test has made on the original server are not ours to start.
                    String xml = Files.readString(file).replaceAll("(?s)<deployments>.*?</deployments>", "");
                    // An HTTPS listener with WildFly's self-signed certificate, to see what changes over TLS.
                    xml = xml.replaceFirst("(<http-listener [^>]*/>)",
                            "$1<https-listener name=\"https\" socket-binding=\"https\" ssl-context=\"applicationSSC\"/>");
                    Files.writeString(baseDir.resolve("configuration").resolve(name), xml);
                } else {
                    Files.copy(file, baseDir.resolve("configuration").resolve(name));
                }
            }
        }
        Files.copy(Path.of(System.getProperty("portal.war")), baseDir.resolve("deployments/meeting-portal.war"));
    }

    @AfterAll
    static void stopServers() {
        started.forEach(RestartIT::kill);
    }

    @Test
    @Order(1)
    void firstStartCreatesAnAdminWithARandomPasswordShownOnceThatMustBeChanged() throws Exception {
        server = start();
        Matcher generated = GENERATED.matcher(Files.readString(baseDir.resolve("console.log"), StandardCharsets.UTF_8));
        assertTrue(generated.find(), "the generated admin password is shown on the console");
        String initial = generated.group(1);
        assertFalse(serverLog().contains(initial), "and never written to the log");
        assertTrue(serverLog().contains("with a generated password, shown once on the server's console"));
        assertTrue(initial.length() >= 16);

        PortalClient admin = PortalClient.signedIn(BASE, "admin", initial);
        assertTrue(admin.get("api/me").json().getBoolean("mustChangePassword"));
        assertEquals(403, admin.get("api/users").status());
        HttpAnswer changed = admin.post("api/me/password", Json.createObjectBuilder()
                .add("currentPassword", initial).add("newPassword", "restart-chief-phrase").build());
        assertEquals(200, changed.status(), changed::toString);
        passwords.put("admin", "restart-chief-phrase");

        for (String name : new String[] {"kept-one", "kept-two", "legacy"}) {
            admin.createUser(name, "EMPLOYEE", "same-first-phrase");
        }
        // No pause: what the API confirmed must be on disk the moment it answered.
        kill(server);
    }

    @Test
    @Order(2)
    void storedHashesArePbkdf2WithOwaspParametersAndDistinctSalts() throws SQLException {
        try (Connection db = database()) {
            Map<String, String> hashes = new HashMap<>();
            try (ResultSet rows = db.createStatement().executeQuery("SELECT username, password_hash FROM portal_user")) {
                while (rows.next()) {
                    hashes.put(rows.getString(1), rows.getString(2));
                }
            }
            assertEquals(Set.of("admin", "kept-one", "kept-two", "legacy"), hashes.keySet(),
                    "every committed account survived kill -9");
            for (String hash : hashes.values()) {
                String[] parts = hash.split(":");
                assertEquals("PBKDF2WithHmacSHA256", parts[0]);
                assertEquals("600000", parts[1]);
                assertTrue(Base64.getDecoder().decode(parts[2]).length >= 16);
            }
            assertNotEquals(hashes.get("kept-one"), hashes.get("kept-two"), "same password, different salt and hash");

            // Make one account look as if it was stored by an older version with a weaker work factor.
            try (PreparedStatement update = db.prepareStatement(
                    "UPDATE portal_user SET password_hash = ?, must_change_password = FALSE WHERE username = 'legacy'")) {
                update.setString(1, new PasswordHasher(2_048).hash("legacy-pass-phrase"));
                assertEquals(1, update.executeUpdate());
            }
        }
    }

    @Test
    @Order(3)
    void afterARestartEverythingIsThereAndAnOldHashIsRenewedAtSignIn() throws Exception {
        long createdBefore = countGeneratedPasswordLines();
        server = start();
        PortalClient idle = PortalClient.signedIn(BASE, "kept-one", "same-first-phrase");
        Instant idleSince = Instant.now();
        assertEquals(createdBefore, countGeneratedPasswordLines(), "no second admin, no new password in the log");

        PortalClient admin = PortalClient.signedIn(BASE, "admin", passwords.get("admin"));
        assertEquals(4, admin.get("api/users?q=").json().getInt("total"));
        assertTrue(admin.get("api/users/kept-two").json().getBoolean("mustChangePassword"));

        PortalClient legacy = PortalClient.signedIn(BASE, "legacy", "legacy-pass-phrase");
        assertEquals("legacy", legacy.get("api/me").json().getString("username"));

        // PORTAL_SESSION_IDLE_MINUTES=1 on this server: a minute without a request ends a session, while
        // one that keeps asking stays signed in.
        while (Instant.now().isBefore(idleSince.plusSeconds(65))) {
            Thread.sleep(15_000);
            assertEquals(200, admin.get("api/me").status(), "an active session stays signed in");
        }
        assertEquals(401, idle.get("api/me").status(), "the idle session has ended");
        overHttpsTheSessionCookieIsSecureAndHstsIsSent();
        withoutATrtcApplicationCredentialsAreRefusedAsUnavailable(admin);
        assertEquals(200, admin.get("api/me").status());
        kill(server);
        server = null;

        try (Connection db = database();
                ResultSet row = db.createStatement().executeQuery(
                        "SELECT password_hash FROM portal_user WHERE username = 'legacy'")) {
            assertTrue(row.next());
            assertEquals(600_000, PasswordHasher.iterationsOf(row.getString(1)), "re-hashed with today's parameters");
            assertTrue(new PasswordHasher().verify("legacy-pass-phrase", row.getString(1)));
        }
    }

    /**
     * A graceful stop writes the sessions to disk (WildFly's web-passivation) and the next start reads them
     * back: the person stays signed in and the form they had open still submits. That the session, with its
     * Faces views, went through serialization and back is also what {@code <distributable/>} relies on.
     */
    @Test
    @Order(4)
    void aGracefulRestartKeepsSessionsAndTheirOpenForms() throws Exception {
        server = start();
        PortalClient admin = PortalClient.signedIn(BASE, "admin", passwords.get("admin"));
        String day = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        HttpAnswer scheduled = admin.post("api/meetings", Json.createObjectBuilder().add("title", "Before the restart")
                .add("startsAt", day + "T10:00:00+08:00").add("endsAt", day + "T11:00:00+08:00")
                .add("timeZone", "Asia/Shanghai").build());
        assertEquals(201, scheduled.status(), scheduled::toString);
        long id = scheduled.json().getJsonNumber("id").longValue();
        long meetings = admin.get("api/meetings?size=100").json().getInt("total");
        admin.page("meeting-edit.xhtml?id=" + id);
        stop(server);
        server = start();

        assertEquals("admin", admin.get("api/me").json().getString("username"), "still signed in after the restart");
        HttpAnswer saved = admin.submit("meeting-edit.xhtml", "form", "submit", Map.of("title", "After the restart",
                "description", "", "startsAt", day + "T10:00", "endsAt", day + "T11:00", "timeZone", "Asia/Shanghai",
                "hosts", "admin", "attendees", "", "access", "INVITED", "attendeeRights", "FULL",
                "version", String.valueOf(scheduled.json().getJsonNumber("version").longValue())));
        assertEquals(302, saved.status(), "the form opened before the restart submits: " + saved);
        assertEquals("After the restart", admin.get("api/meetings/" + id).json().getString("title"),
                "the same meeting changed");
        assertEquals(meetings, admin.get("api/meetings?size=100").json().getInt("total"), "no second meeting");
        kill(server);
        server = null;
    }

    /**
     * Grants wait up to 50 ms in memory before they are written: a graceful stop right after the last answer
     * writes them, so that none is lost.
     */
    @Test
    @Order(5)
    void credentialsAnsweredJustBeforeAStopAreInTheAudit() throws Exception {
        server = start(true);
        PortalClient admin = PortalClient.signedIn(BASE, "admin", passwords.get("admin"));
        Instant start = Instant.now().minusSeconds(60);
        HttpAnswer meeting = admin.post("api/meetings", Json.createObjectBuilder().add("title", "Audited")
                .add("startsAt", start.toString()).add("endsAt", start.plusSeconds(3600).toString())
                .add("timeZone", "UTC").build());
        assertEquals(201, meeting.status(), meeting::toString);
        long audited = meeting.json().getJsonNumber("id").longValue();
        for (int i = 0; i < 12; i++) {
            HttpAnswer issued = admin.post("api/meetings/" + audited + "/credentials", null);
            assertEquals(200, issued.status(), issued::toString);
        }
        // No pause: the stop itself must write what is still waiting.
        stop(server);
        server = null;
        try (Connection db = database()) {
            assertEquals(12, count(db, "SELECT COUNT(*) FROM credential_grant WHERE meeting_id = " + audited),
                    "every credential answered before the stop is in the audit, once");
        }
    }

    /**
     * With the company's provider in charge and {@code PORTAL_LOCAL_SIGN_IN=admins-only}, a portal password
     * signs in the break-glass admin only; an employee's right password is answered with the advice to use the
     * provider. (This run's servers have the provider; a setting of their own needs a server of its own.)
     */
    @Test
    @Order(6)
    void underAdminsOnlyTheLocalAdminStillSignsInAndEmployeesAreSentToTheProvider() throws Exception {
        server = start(false, Map.of("PORTAL_LOCAL_SIGN_IN", "admins-only"));
        HttpAnswer admin = new PortalClient(BASE).signIn("admin", passwords.get("admin"));
        assertEquals(200, admin.status(), "the break-glass admin: " + admin);
        HttpAnswer employee = new PortalClient(BASE).signIn("kept-two", "same-first-phrase");
        assertEquals(403, employee.status(), employee::toString);
        assertTrue(employee.json().getString("type").endsWith("signIn.providerOnly"), employee::toString);
        assertTrue(serverLog().contains("authn_login_provider_only user=\"kept-two\""));
        String page = new PortalClient(BASE).page("login.xhtml").body();
        assertTrue(page.contains("sign-in/provider") && page.contains("login:username"),
                "the provider first, the password form for the admin below");
        stop(server);
        server = null;
    }

    /**
     * An invitation written while the SMTP server is down waits in the outbox through {@code kill -9}, and goes
     * out once, after the next start, when the SMTP server is back.
     */
    @Test
    @Order(7)
    void mailWaitingWhenTheServerIsKilledGoesOutOnceAfterTheNextStart() throws Exception {
        TestSmtp smtp = TestSmtp.required();
        String address = "kept-one@example.com";
        server = start();
        PortalClient admin = PortalClient.signedIn(BASE, "admin", passwords.get("admin"));
        smtp.stop();
        long meetingId;
        try {
            Instant start = Instant.now().plus(Duration.ofDays(2));
            HttpAnswer meeting = admin.post("api/meetings", Json.createObjectBuilder().add("title", "Kept in the outbox")
                    .add("startsAt", start.toString()).add("endsAt", start.plusSeconds(3600).toString())
                    .add("timeZone", "UTC").add("attendees", Json.createArrayBuilder().add("kept-one")).build());
            assertEquals(201, meeting.status(), meeting::toString);
            meetingId = meeting.json().getJsonNumber("id").longValue();
            // At least one attempt failed against the closed port before the kill.
            Instant deadline = Instant.now().plusSeconds(30);
            while (admin.get("api/mail").json().getJsonObject("counts").getInt("PENDING") == 0 || admin.get("api/mail")
                    .json().getJsonArray("unsent").getJsonObject(0).getString("lastError", null) == null) {
                assertTrue(Instant.now().isBefore(deadline), "the invitation is tried and waits");
                Thread.sleep(100);
            }
            kill(server);
            server = null;
            try (Connection db = database()) {
                assertEquals(1, count(db, "SELECT COUNT(*) FROM outbox_message WHERE state = 'PENDING' AND"
                        + " change_key LIKE 'meeting-" + meetingId + "-%#0' AND username = 'kept-one'"),
                        "the invitation survived kill -9 unsent");
            }
        } finally {
            smtp.start();
        }
        server = start();
        List<jakarta.mail.internet.MimeMessage> received = smtp.await(address, 1, Duration.ofSeconds(60));
        assertEquals("Invitation: Kept in the outbox", received.get(0).getSubject());
        // The kill may have come while the sender held the host's invitation (claimed, not yet tried): that one
        // waits out its two-minute lease, as it would for another node.
        PortalClient after = PortalClient.signedIn(BASE, "admin", passwords.get("admin"));
        Instant drained = Instant.now().plusSeconds(150);
        while (after.get("api/mail").json().getJsonObject("counts").getInt("PENDING") > 0) {
            assertTrue(Instant.now().isBefore(drained), "every invitation goes out within the lease");
            Thread.sleep(500);
        }
        Thread.sleep(3000);
        assertEquals(1, smtp.to(address).size(), "sent once");
        stop(server);
        server = null;
        try (Connection db = database()) {
            assertEquals(0, count(db, "SELECT COUNT(*) FROM outbox_message WHERE state <> 'SENT'"));
        }
    }

    /**
     * A relay that wants a login: {@code use-smtp-login.cli}, applied to the running server as the operators'
     * guide says, makes the portal sign in with {@code PORTAL_SMTP_USER} and {@code PORTAL_SMTP_PASSWORD}. A wrong
     * password is refused (the server's answer kept on the waiting message); with the right one after a restart,
     * the message goes out.
     */
    @Test
    @Order(8)
    void withUseSmtpLoginThePortalSignsInToTheRelay() throws Exception {
        TestSmtp smtp = TestSmtp.required();
        smtp.addLogin("portal-relay", "right-relay-phrase");
        server = start(false, Map.of("PORTAL_SMTP_USER", "portal-relay", "PORTAL_SMTP_PASSWORD", "wrong-relay-phrase"));
        Path cli = Path.of(System.getProperty("jboss.home"), "bin", "jboss-cli.sh");
        String controller = "--controller=remote+http://127.0.0.1:" + (9990 + PORT_OFFSET);
        for (List<String> step : List.of(
                List.of(cli.toString(), "--connect", controller, "--file=" + Path.of("server-config", "wildfly",
                        "use-smtp-login.cli").toAbsolutePath()),
                List.of(cli.toString(), "--connect", controller, "--command=reload"))) {
            Process run = new ProcessBuilder(step).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(baseDir.resolve("console.log").toFile())).start();
            assertTrue(run.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) && run.exitValue() == 0,
                    String.join(" ", step) + ": see " + baseDir.resolve("console.log"));
        }
        PortalClient probe = new PortalClient(BASE);
        Instant up = Instant.now().plusSeconds(120);
        while (!answers(probe)) {
            assertTrue(Instant.now().isBefore(up), "the portal answers again after the reload");
            Thread.sleep(500);
        }
        PortalClient admin = PortalClient.signedIn(BASE, "admin", passwords.get("admin"));
        Instant start = Instant.now().plus(Duration.ofDays(3));
        HttpAnswer meeting = admin.post("api/meetings", Json.createObjectBuilder().add("title", "Through the relay")
                .add("startsAt", start.toString()).add("endsAt", start.plusSeconds(3600).toString())
                .add("timeZone", "UTC").add("attendees", Json.createArrayBuilder().add("kept-two")).build());
        assertEquals(201, meeting.status(), meeting::toString);
        Instant deadline = Instant.now().plusSeconds(30);
        String refused = null;
        while (refused == null) {
            assertTrue(Instant.now().isBefore(deadline), "the wrong password is refused");
            refused = admin.get("api/mail").json().getJsonArray("unsent").getValuesAs(jakarta.json.JsonObject.class)
                    .stream().filter(m -> m.getString("username").equals("kept-two"))
                    .map(m -> m.getString("lastError", null)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertTrue(refused.contains("535"), "the relay's own answer: " + refused);
        assertEquals(List.of(), smtp.to("kept-two@example.com"));
        stop(server);
        server = start(false, Map.of("PORTAL_SMTP_USER", "portal-relay", "PORTAL_SMTP_PASSWORD", "right-relay-phrase"));
        assertEquals("Invitation: Through the relay",
                smtp.await("kept-two@example.com", 1, Duration.ofSeconds(90)).get(0).getSubject());
        stop(server);
        server = null;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery(sql)) {
            assertTrue(row.next());
            return row.getLong(1);
        }
    }

    /** This server has no TRTC settings: it runs, says so in its log, and answers credential calls with 503. */
    private static void withoutATrtcApplicationCredentialsAreRefusedAsUnavailable(PortalClient admin) throws IOException {
        Instant start = Instant.now().minusSeconds(60);
        HttpAnswer meeting = admin.post("api/meetings", Json.createObjectBuilder().add("title", "No video here")
                .add("startsAt", start.toString()).add("endsAt", start.plusSeconds(3600).toString())
                .add("timeZone", "UTC").build());
        assertEquals(201, meeting.status(), meeting::toString);
        HttpAnswer refused = admin.post("api/meetings/" + meeting.json().getJsonNumber("id") + "/credentials", null);
        assertEquals(503, refused.status(), refused::toString);
        assertTrue(refused.json().getString("detail").contains("not configured"));
        assertTrue(serverLog().contains("Video: not configured"));
    }

    private static void overHttpsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        SSLContext trustingTheTestCertificate = SSLContext.getInstance("TLS");
        trustingTheTestCertificate.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        HttpClient https = HttpClient.newBuilder().sslContext(trustingTheTestCertificate).build();
        HttpResponse<String> signIn = https.send(HttpRequest
                .newBuilder(URI.create("https://localhost:" + (8443 + PORT_OFFSET) + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("username", "admin").add("password", passwords.get("admin")).build().toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signIn.statusCode(), signIn::body);
        String cookie = signIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase().contains("; secure") && cookie.contains("HttpOnly"), cookie);
        assertTrue(signIn.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age="));
    }

    private static Process start() throws IOException, InterruptedException {
        return start(false);
    }

    private static Process start(boolean video) throws IOException, InterruptedException {
        return start(video, Map.of());
    }

    /**
     * @param video with the test run's TRTC application, which this server otherwise has not
     * @param settings settings of this start only
     */
    private static Process start(boolean video, Map<String, String> settings) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("jboss.home"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + baseDir, "-Djboss.socket.binding.port-offset=" + PORT_OFFSET);
        builder.environment().remove("PORTAL_ADMIN_PASSWORD");
        if (!video) {
            builder.environment().remove("TRTC_SDK_APP_ID");
            builder.environment().remove("TRTC_SECRET_KEY");
        }
        builder.environment().put("PORTAL_DATA_DIR", dataDir.toString());
        builder.environment().put("PORTAL_SESSION_IDLE_MINUTES", "1");
        builder.environment().putAll(settings);
        builder.environment().put("JAVA_OPTS", "-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(baseDir.resolve("console.log").toFile()));
        PortalClient probe = new PortalClient(BASE);
        if (answers(probe)) {
            throw new AssertionError("something already answers on " + BASE + "; stop it first");
        }
        Process process = builder.start();
        started.add(process);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("WildFly stopped during start; see " + baseDir.resolve("console.log"));
            }
            if (answers(probe)) {
                return process;
            }
            Thread.sleep(500);
        }
        kill(process);
        throw new AssertionError("the portal did not answer /api/health within 3 minutes");
    }

    private static boolean answers(PortalClient probe) {
        try {
            return probe.get("api/health").status() == 200;
        } catch (RuntimeException notListening) {
            return false;
        }
    }

    /** SIGTERM to the server JVM, as a service manager stops it: WildFly shuts down gracefully. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> jvms = process.descendants().toList();
        jvms.forEach(ProcessHandle::destroy);
        for (ProcessHandle jvm : jvms) {
            jvm.onExit().join();
        }
        process.waitFor();
    }

    /** SIGKILL to the server JVM and its launcher: no shutdown hook, no flush, nothing graceful. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("portal") + ";IFEXISTS=TRUE", "sa", "sa");
    }

    private static String serverLog() throws IOException {
        return Files.readString(baseDir.resolve("log/server.log"), StandardCharsets.UTF_8);
    }

    private static long countGeneratedPasswordLines() throws IOException {
        return GENERATED.matcher(serverLog()).results().count();
    }
}
