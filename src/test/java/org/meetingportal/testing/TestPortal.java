package org.meetingportal.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Facts about the portal under test that the build hands to the integration tests. */
public final class TestPortal {

    private TestPortal() {
    }

    /** The WAR that {@code mvn package} built: the tests deploy exactly what ships. */
    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(required("portal.war")));
    }

    /** The password the test server's first admin was created with (PORTAL_ADMIN_PASSWORD), which must be changed. */
    public static String initialAdminPassword() {
        return setting("PORTAL_ADMIN_PASSWORD");
    }

    /** The password the tests' first admin chose at the first sign-in ({@link #adminChoseTheirPassword}). */
    public static String adminPassword() {
        return initialAdminPassword() + "-chosen";
    }

    private static final java.util.Set<String> ADMIN_READY = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Makes sure the first admin of the portal at {@code base} has replaced the password it was created with,
     * as the portal demands, doing so once through the API if no earlier test has.
     */
    public static synchronized void adminChoseTheirPassword(java.net.URL base) {
        if (ADMIN_READY.contains(base.toString())) {
            return;
        }
        PortalClient first = new PortalClient(base);
        HttpAnswer initial = first.signIn("admin", initialAdminPassword());
        if (initial.status() == 200) {
            if (!initial.json().getBoolean("mustChangePassword")) {
                throw new AssertionError("the first admin was not asked to change PORTAL_ADMIN_PASSWORD"
                        + " (or the test database is older than this build: mvn clean)");
            }
            HttpAnswer changed = first.post("api/me/password", jakarta.json.Json.createObjectBuilder()
                    .add("currentPassword", initialAdminPassword()).add("newPassword", adminPassword()).build());
            if (changed.status() != 200) {
                throw new AssertionError("the first admin could not choose a password: " + changed);
            }
        } else {
            // An earlier test JVM on the same database made the change already.
            PortalClient.signedIn(base, "admin", adminPassword());
        }
        ADMIN_READY.add(base.toString());
    }

    /** The test server's log file, wherever the server of this run keeps it. */
    public static String serverLog() {
        Path log = "payara".equals(System.getProperty("arquillian.launch"))
                ? Path.of(required("payara.home"), "glassfish", "domains", "domain1", "logs", "server.log")
                : Path.of(required("jboss.home"), "standalone", "log", "server.log");
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For a failure to tell what the server was doing: the threads of this run's server that were in the
     * portal's code, in the WebSocket container or serving HTTP, from {@code jcmd Thread.print}.
     */
    public static String serverThreads() {
        String home = "payara".equals(System.getProperty("arquillian.launch")) ? required("payara.home")
                : required("jboss.home");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(home)).orElse(false))
                .findFirst()
                .map(server -> {
                    try {
                        Process jcmd = new ProcessBuilder("jcmd", Long.toString(server.pid()), "Thread.print")
                                .redirectErrorStream(true).start();
                        String dump = new String(jcmd.getInputStream().readAllBytes());
                        StringBuilder busy = new StringBuilder();
                        for (String thread : dump.split("\n\n")) {
                            if (thread.contains("meetingportal") || thread.contains("tyrus")
                                    || thread.contains("undertow") || thread.contains("http-thread-pool")) {
                                busy.append(thread).append("\n\n");
                            }
                        }
                        return busy.toString();
                    } catch (IOException e) {
                        return "no thread dump: " + e;
                    }
                })
                .orElse("no server process under " + home);
    }

    /** Deletes a folder and everything in it, if it is there. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path buildDir() {
        return Path.of(required("portal.it.buildDir"));
    }

    /**
     * Writes a benchmark's figures to {@code target/benchmarks/<name>-<run>.txt}, one file per server and
     * database of the build (e.g. {@code meeting-page-payara-h2.txt}), so that no run overwrites another's.
     */
    public static void writeFigures(String name, String figures) {
        try {
            Path dir = Files.createDirectories(buildDir().resolve("benchmarks"));
            Files.writeString(dir.resolve(name + "-" + required("portal.it.run") + ".txt"), figures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A username no other test uses, starting with {@code prefix}. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A setting of the server under test. The test JVM has the environment the build gives the server it starts,
     * so that both read each setting from one place.
     */
    public static String setting(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException("Environment variable " + name + " is missing: run the tests with Maven");
        }
        return value;
    }

    public static long numericSetting(String name) {
        return Long.parseLong(setting(name));
    }

    /** Where the server of this run keeps its H2 database and files (PORTAL_DATA_DIR). */
    public static Path dataDir() {
        return Path.of(setting("PORTAL_DATA_DIR"));
    }

    /** Whether this run's server uses PostgreSQL (PORTAL_DB_URL is set) rather than its embedded H2. */
    public static boolean onPostgresql() {
        return System.getenv("PORTAL_DB_URL") != null;
    }

    /** The JDBC address of this run's PostgreSQL server, without a database: {@code jdbc:postgresql://host:port/}. */
    public static String postgresqlServer() {
        String url = setting("PORTAL_DB_URL");
        return url.substring(0, url.lastIndexOf('/') + 1);
    }

    /** The PostgreSQL database this run's server uses. */
    public static String postgresqlDatabase() {
        String url = setting("PORTAL_DB_URL");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is missing: run the tests with Maven");
        }
        return value;
    }
}
