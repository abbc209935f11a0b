package org.meetingportal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cluster the cluster tests run against: two WildFly nodes and nginx, started once per test JVM with
 * {@code server-config/cluster/local-cluster.sh} exactly as an operator tries it, beside the single server of
 * the run (other ports, a database of its own on the run's PostgreSQL), and stopped once its tests are done,
 * or at the latest when the JVM ends.
 */
public final class TestCluster {

    /** The balancer's port, and the nodes' port offsets: clear of the run's own server on 8080. */
    private static final int PORT = 8580;
    private static final int[] OFFSETS = {300, 400};
    private static final String DATABASE = "portal_cluster";

    private static TestCluster running;

    private final Path directory;

    private TestCluster(Path directory) {
        this.directory = directory;
    }

    /** The cluster, started on first use. */
    public static synchronized TestCluster get() {
        if (running == null) {
            TestCluster cluster = new TestCluster(TestPortal.buildDir().resolve("cluster-it"));
            // The nodes' logs are evidence (who created the first admin): none may be left from an earlier run.
            TestPortal.deleteTree(cluster.directory);
            cluster.run("start");
            Runtime.getRuntime().addShutdownHook(new Thread(TestCluster::stopAll));
            running = cluster;
        }
        return running;
    }

    /** Stops the whole cluster, so that its idle nodes leave the cores to the rest of the run. */
    public static synchronized void stopAll() {
        if (running != null) {
            running.run("stop");
            running = null;
        }
    }

    /** Through the balancer. */
    public URI balancer() {
        return URI.create("http://127.0.0.1:" + PORT + "/");
    }

    /** Node 1 or 2, directly. */
    public URI node(int number) {
        return URI.create("http://127.0.0.1:" + (8080 + OFFSETS[number - 1]) + "/");
    }

    /** kill -9, as a crash would. */
    public void kill(int number) {
        run("kill-node", Integer.toString(number));
    }

    /** Stops a node on purpose, as an upgrade does: the balancer first, then the node drains. */
    public void stop(int number) {
        run("stop-node", Integer.toString(number));
    }

    /** Starts a node that was killed or stopped, and waits until it serves. */
    public void start(int number) {
        run("start-node", Integer.toString(number));
    }

    /** The database the nodes share, for what the tests check there. */
    public String databaseUrl() {
        return TestPortal.postgresqlServer() + DATABASE;
    }

    /** The server log of node 1 or 2. */
    public String log(int number) {
        try {
            return Files.readString(directory.resolve("node" + number).resolve("log").resolve("server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash",
                Path.of("server-config", "cluster", "local-cluster.sh").toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(TestPortal.buildDir().resolve("cluster-it.log")
                        .toFile()));
        Map<String, String> environment = process.environment();
        environment.put("PORTAL_CLUSTER_DIR", directory.toString());
        environment.put("PORTAL_CLUSTER_PORT", Integer.toString(PORT));
        environment.put("PORTAL_CLUSTER_OFFSETS", OFFSETS[0] + " " + OFFSETS[1]);
        environment.put("PORTAL_DB_URL", databaseUrl());
        environment.put("PORTAL_PUBLIC_URL", balancer().toString());
        // The nodes send mail (TestSmtp.forCluster), which this run's single servers do not.
        environment.put("PORTAL_SMTP_HOST", "127.0.0.1");
        try {
            Process started = process.start();
            if (!started.waitFor(10, TimeUnit.MINUTES) || started.exitValue() != 0) {
                throw new IllegalStateException("local-cluster.sh " + String.join(" ", arguments)
                        + " failed: see target/cluster-it.log");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
