package org.meetingportal.call;

import jakarta.json.Json;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.meetingportal.testing.CallSocketClient;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;

/**
 * The nine o'clock rush: N employees, all at once, sign in, open My meetings, take credentials for the
 * morning meeting and open their call socket; then a tenth of them ring a colleague. Run against one node
 * directly and against the balancer of two ({@code docs/benchmarks.md}); prints requests per second, p50 and
 * p99 of each step, the rings delivered and the errors. Given the nodes' process ids and the database, it adds
 * the servers' CPU time per request, database transactions per step and the servers' memory per socket.
 *
 * <pre>
 * RushBenchmark BASE ADMIN_PASSWORD N [JDBC_URL DB_USER DB_PASSWORD [PID...]]
 * </pre>
 */
public final class RushBenchmark {

    private static final Duration SIGNAL = Duration.ofSeconds(30);
    private static final int THREADS = 16;

    private static double idleCommitsPerSecond;

    private RushBenchmark() {
    }

    private record Step(String name, List<Long> micros, AtomicInteger errors, long[] cpuNanos, long[] commits) {
        Step(String name) {
            this(name, Collections.synchronizedList(new ArrayList<>()), new AtomicInteger(), new long[1], new long[1]);
        }

        String report(double seconds) {
            List<Long> sorted = new ArrayList<>(micros);
            sorted.sort(null);
            String line = String.format("%-22s %5d done in %6.1f s = %7.1f/s, p50 %8.2f ms, p99 %8.2f ms, %d errors",
                    name, sorted.size(), seconds, sorted.size() / seconds,
                    sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1000.0,
                    sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1000.0,
                    errors.get());
            if (cpuNanos[0] > 0) {
                line += String.format(", server CPU %.0f us each", cpuNanos[0] / 1000.0 / Math.max(1, sorted.size()));
            }
            if (commits[0] > 0) {
                line += String.format(", %.1f DB transactions each", (double) commits[0] / Math.max(1, sorted.size()));
            }
            return line;
        }
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String adminPassword = args[1];
        int people = Integer.parseInt(args[2]);
        Optional<String[]> database = args.length >= 6 ? Optional.of(new String[] {args[3], args[4], args[5]})
                : Optional.empty();
        List<ProcessHandle> servers = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            servers.add(ProcessHandle.of(Long.parseLong(args[i])).orElseThrow());
        }

        PortalClient admin = PortalClient.signedIn(base, "admin", adminPassword);
        Instant start = Instant.now().minusSeconds(60);
        HttpAnswer meeting = admin.post("api/meetings", Json.createObjectBuilder().add("title", "Nine o'clock")
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofHours(2)).toString())
                .add("timeZone", "UTC").add("access", "ALL_EMPLOYEES").build());
        if (meeting.status() != 201) {
            throw new IllegalStateException("could not schedule the meeting: " + meeting);
        }
        long meetingId = meeting.json().getJsonNumber("id").longValue();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<String> names = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> setUp = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String name = "rush-" + tag + "-" + i;
            names.add(name);
            setUp.add(pool.submit(() -> {
                admin.createUser(name, "EMPLOYEE", "rush-first-phrase");
                PortalClient first = PortalClient.signedIn(base, name, "rush-first-phrase");
                first.post("api/me/password", Json.createObjectBuilder().add("currentPassword", "rush-first-phrase")
                        .add("newPassword", "rush-own-phrase").build());
                first.delete("api/session");
                return null;
            }));
        }
        for (Future<?> f : setUp) {
            f.get();
        }
        System.out.printf("%d employees ready; the rush begins (%d at a time) against %s%n", people, THREADS, base);
        // What the nodes commit with nobody doing anything (a shared board's heartbeats and ticks), so that
        // each step is charged only with its own transactions.
        long idleFrom = commits(database);
        long idleNanos = System.nanoTime();
        Thread.sleep(5000);
        idleCommitsPerSecond = (commits(database) - idleFrom - 1) / ((System.nanoTime() - idleNanos) / 1e9);
        if (database.isPresent()) {
            System.out.printf("idle: %.1f DB transactions per second, left out of the steps' figures below%n",
                    idleCommitsPerSecond);
        }

        Step signIn = new Step("sign in");
        Step myMeetings = new Step("My meetings (page)");
        Step credentials = new Step("meeting credentials");
        Step socket = new Step("call socket to hello");
        Step ring = new Step("ring a colleague");
        Map<String, PortalClient> clients = new ConcurrentHashMap<>();
        Map<String, CallSocketClient> sockets = new ConcurrentHashMap<>();
        List<String> report = new ArrayList<>();

        // Step by step, everyone at once in each: the costs of each step are then its own.
        report.add(phase(signIn, names, pool, servers, database, name -> {
            PortalClient client = new PortalClient(base);
            clients.put(name, client);
            return client.signIn(name, "rush-own-phrase").status() == 200;
        }));
        report.add(phase(myMeetings, names, pool, servers, database,
                name -> clients.get(name).page("index.xhtml").status() == 200));
        report.add(phase(credentials, names, pool, servers, database,
                name -> clients.get(name).post("api/meetings/" + meetingId + "/credentials", null).status() == 200));
        long rss = rss(servers);
        report.add(phase(socket, names, pool, servers, database, name -> {
            CallSocketClient page = CallSocketClient.open(base.toURL(), clients.get(name));
            page.next("hello", SIGNAL);
            sockets.put(name, page);
            return true;
        }));
        long socketBytes = sockets.isEmpty() ? 0 : (rss(servers) - rss) / sockets.size();

        // A tenth ring the person half the list away, who rejects once it rang: a ring is delivered when the
        // callee's page hears it.
        AtomicInteger delivered = new AtomicInteger();
        List<String> callers = names.subList(0, Math.max(1, people / 10));
        report.add(phase(ring, callers, pool, servers, database, caller -> {
            String callee = names.get((names.indexOf(caller) + people / 2) % people);
            CallSocketClient from = sockets.get(caller);
            CallSocketClient to = sockets.get(callee);
            from.invite(callee, "audio");
            long call = to.next("ringing", SIGNAL).getJsonObject("call").getJsonNumber("id").longValue();
            delivered.incrementAndGet();
            to.act("reject", call);
            return true;
        }));
        pool.shutdown();

        report.forEach(System.out::println);
        System.out.printf("rings delivered: %d of %d; errors in all: %d%n", delivered.get(), callers.size(),
                signIn.errors().get() + myMeetings.errors().get() + credentials.errors().get() + socket.errors().get()
                        + ring.errors().get());
        if (!servers.isEmpty()) {
            System.out.printf("servers' resident memory per open socket: about %d KB (%d node(s), %d sockets)%n",
                    socketBytes / 1024, servers.size(), sockets.size());
        }
        sockets.values().forEach(CallSocketClient::close);
    }

    private interface PersonStep {
        boolean run(String name) throws Exception;
    }

    /** Everyone takes one step at once; the servers' CPU time and the database's commits are counted around it. */
    private static String phase(Step step, List<String> names, ExecutorService pool, List<ProcessHandle> servers,
            Optional<String[]> database, PersonStep action) throws Exception {
        long cpu = cpu(servers);
        long commits = commits(database);
        long nanos = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (String name : names) {
            all.add(pool.submit(() -> {
                timed(step, () -> action.run(name));
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        double seconds = (System.nanoTime() - nanos) / 1e9;
        step.cpuNanos()[0] = cpu(servers) - cpu;
        // PostgreSQL publishes its counters about once a second.
        Thread.sleep(1500);
        double counted = (System.nanoTime() - nanos) / 1e9;
        step.commits()[0] = Math.round(commits(database) - commits - 1 - idleCommitsPerSecond * counted);
        return step.report(seconds);
    }

    private interface Action {
        boolean run() throws Exception;
    }

    private static void timed(Step step, Action action) {
        long t = System.nanoTime();
        boolean ok;
        try {
            ok = action.run();
        } catch (Exception | AssertionError e) {
            ok = false;
        }
        step.micros().add((System.nanoTime() - t) / 1000);
        if (!ok) {
            step.errors().incrementAndGet();
        }
    }

    private static long cpu(List<ProcessHandle> servers) {
        return servers.stream().mapToLong(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos()).sum();
    }

    private static long rss(List<ProcessHandle> servers) {
        long total = 0;
        for (ProcessHandle server : servers) {
            try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + server.pid()
                        + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return total;
    }

    private static long commits(Optional<String[]> database) throws SQLException {
        if (database.isEmpty()) {
            return 0;
        }
        String[] db = database.get();
        try (Connection connection = DriverManager.getConnection(db[0], db[1], db[2]);
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT xact_commit FROM pg_stat_database"
                     + " WHERE datname = current_database()")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
