package org.meetingportal.credential;

import jakarta.json.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.trtc.TrtcSettings;

/**
 * Throughput and latency of {@code POST /api/meetings/{id}/credentials} against {@code GET /api/me} on the
 * same running server, with the same clients in the same run, and the in-process cost of signing one
 * UserSig + PrivateMapKey. Given the server's process id as a fourth argument (a server on this machine),
 * it also prints the CPU time the server and this client spent per request of each call, which tells the
 * server's own cost from the client's, as both share the machine. Prints figures; asserts nothing. Not part
 * of {@code mvn verify}: see docs/benchmarks.md.
 */
public final class CredentialBenchmark {

    private static final int DEFAULT_CLIENTS = 8;
    /** The two calls take turns, so that a slower or busier stretch of the machine falls on both alike. */
    private static final int ROUNDS = 6;
    private static final Duration TURN = Duration.ofSeconds(5);
    private static final Duration WARM_UP = Duration.ofSeconds(10);

    private CredentialBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:8080/");
        String adminPassword = args.length > 1 ? args[1] : System.getenv("PORTAL_ADMIN_PASSWORD");
        int clientCount = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_CLIENTS;
        Optional<ProcessHandle> server = args.length > 3 ? Optional.of(process(Long.parseLong(args[3]))) : Optional.empty();
        inProcess();

        PortalClient admin = PortalClient.signedIn(base, "admin", adminPassword);
        if (admin.get("api/me").json().getBoolean("mustChangePassword")) {
            throw new IllegalStateException("admin must first replace the password it was created with (see"
                    + " docs/benchmarks.md); then pass the chosen one");
        }
        Instant start = Instant.now().minusSeconds(60);
        HttpAnswer meeting = admin.post("api/meetings", Json.createObjectBuilder().add("title", "Benchmark")
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofHours(20)).toString())
                .add("timeZone", "UTC").add("access", "ALL_EMPLOYEES").build());
        if (meeting.status() != 201) {
            throw new IllegalStateException("could not schedule the benchmark meeting: " + meeting);
        }
        long id = meeting.json().getJsonNumber("id").longValue();
        List<PortalClient> clients = new ArrayList<>();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < clientCount; i++) {
            String name = "bench-" + tag + "-" + i;
            admin.createUser(name, "EMPLOYEE", "bench-first-phrase");
            PortalClient client = PortalClient.signedIn(base, name, "bench-first-phrase");
            client.post("api/me/password", Json.createObjectBuilder().add("currentPassword", "bench-first-phrase")
                    .add("newPassword", "bench-own-phrase").build());
            clients.add(client);
        }
        HttpAnswer probe = clients.get(0).post("api/meetings/" + id + "/credentials", null);
        if (probe.status() != 200) {
            throw new IllegalStateException("credentials refused (is TRTC configured and "
                    + "PORTAL_CREDENTIAL_RATE_PER_MINUTE high?): " + probe);
        }
        Call me = c -> c.get("api/me");
        Call issue = c -> c.post("api/meetings/" + id + "/credentials", null);
        run(clients, me, WARM_UP, server);
        run(clients, issue, WARM_UP, server);
        Result meTotal = new Result("GET /api/me");
        Result issueTotal = new Result("POST credentials");
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Result meTurn = run(clients, me, TURN, server);
            Result issueTurn = run(clients, issue, TURN, server);
            meTotal.add(meTurn);
            issueTotal.add(issueTurn);
            ratios.add(issueTurn.perSecond() / meTurn.perSecond());
        }
        System.out.println(meTotal);
        System.out.println(issueTotal);
        ratios.sort(null);
        System.out.printf("credential call reaches %.0f%% of GET /api/me's throughput (%d clients, %d turns of %d s"
                + " each; turn by turn %.0f%% to %.0f%%, median %.0f%%)%n",
                100.0 * issueTotal.perSecond() / meTotal.perSecond(), clientCount, ROUNDS, TURN.toSeconds(),
                100 * ratios.get(0), 100 * ratios.get(ROUNDS - 1), 100 * (ratios.get(ROUNDS / 2 - 1)
                        + ratios.get(ROUNDS / 2)) / 2);
        if (server.isPresent()) {
            System.out.printf("CPU per request, server / this client: GET /api/me %.0f / %.0f us, credentials %.0f / %.0f"
                    + " us%n", meTotal.serverMicrosEach(), meTotal.clientMicrosEach(), issueTotal.serverMicrosEach(),
                    issueTotal.clientMicrosEach());
        }
    }

    /** Signing alone, in this JVM: one UserSig plus one PrivateMapKey. */
    private static void inProcess() {
        CredentialIssuer issuer = new CredentialIssuer(new TrtcSettings.Application(1400000042L,
                "5f3c9a1e7b2d4c6e8f0a1b3c5d7e9f2a4b6c8d0e1f3a5b7c9d1e3f5a7b9c0d2e"));
        for (int i = 0; i < 20_000; i++) {
            signPair(issuer, 123456789L);
        }
        int rounds = 50_000;
        long startNanos = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            signPair(issuer, 123456789L + i);
        }
        double micros = (System.nanoTime() - startNanos) / 1000.0 / rounds;
        System.out.printf("in-process: genUserSig + genPrivateMapKey %.1f us per pair (%d pairs after 20,000 warm-up)%n",
                micros, rounds);
    }

    private static void signPair(CredentialIssuer issuer, long roomId) {
        issuer.userSig("bench-user", Duration.ofHours(2));
        issuer.privateMapKey("bench-user", roomId, 255, Duration.ofMinutes(5));
    }

    private interface Call {
        HttpAnswer send(PortalClient client);
    }

    /** Latencies in microseconds; the turns of one call add up. */
    private static final class Result {
        final String name;
        final List<Long> latencies = new ArrayList<>();
        long failures;
        double seconds;
        Duration serverCpu = Duration.ZERO;
        Duration clientCpu = Duration.ZERO;

        Result(String name) {
            this.name = name;
        }

        void add(Result turn) {
            latencies.addAll(turn.latencies);
            failures += turn.failures;
            seconds += turn.seconds;
            serverCpu = serverCpu.plus(turn.serverCpu);
            clientCpu = clientCpu.plus(turn.clientCpu);
        }

        double serverMicrosEach() {
            return serverCpu.toNanos() / 1000.0 / latencies.size();
        }

        double clientMicrosEach() {
            return clientCpu.toNanos() / 1000.0 / latencies.size();
        }

        double perSecond() {
            return latencies.size() / seconds;
        }

        @Override
        public String toString() {
            List<Long> sorted = new ArrayList<>(latencies);
            sorted.sort(null);
            return String.format("%-17s %7d requests, %8.1f/s, p50 %.2f ms, p99 %.2f ms, %d failed", name,
                    sorted.size(), perSecond(), sorted.get(sorted.size() / 2) / 1000.0,
                    sorted.get((int) (sorted.size() * 0.99)) / 1000.0, failures);
        }
    }

    /**
     * The clients call until the turn is over. With the server's process at hand (on this machine), the CPU
     * time it and this client spent in the turn is counted too: it tells the server's own cost per request
     * from the client's, which share the machine.
     */
    private static Result run(List<PortalClient> clients, Call call, Duration length, Optional<ProcessHandle> server)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        Duration serverCpuBefore = cpu(server);
        Duration clientCpuBefore = cpu(Optional.of(ProcessHandle.current()));
        Instant end = Instant.now().plus(length);
        List<Future<long[]>> futures = new ArrayList<>();
        long startNanos = System.nanoTime();
        for (PortalClient client : clients) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[200_000];
                int n = 0;
                long failures = 0;
                while (Instant.now().isBefore(end) && n < latencies.length - 1) {
                    long t = System.nanoTime();
                    if (call.send(client).status() != 200) {
                        failures++;
                    }
                    latencies[n++] = (System.nanoTime() - t) / 1000;
                }
                long[] result = Arrays.copyOf(latencies, n + 1);
                result[n] = -failures - 1;
                return result;
            }));
        }
        Result result = new Result("turn");
        for (Future<long[]> future : futures) {
            long[] latencies = future.get();
            for (int i = 0; i < latencies.length - 1; i++) {
                result.latencies.add(latencies[i]);
            }
            result.failures += -latencies[latencies.length - 1] - 1;
        }
        pool.shutdown();
        result.seconds = (System.nanoTime() - startNanos) / 1e9;
        result.serverCpu = cpu(server).minus(serverCpuBefore);
        result.clientCpu = cpu(Optional.of(ProcessHandle.current())).minus(clientCpuBefore);
        return result;
    }

    /** The server's process, when it runs on this machine; its CPU time must be readable. */
    private static ProcessHandle process(long pid) {
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalArgumentException("no process " + pid + " on this machine"));
        if (process.info().totalCpuDuration().isEmpty()) {
            throw new IllegalArgumentException("the CPU time of process " + pid + " cannot be read");
        }
        return process;
    }

    private static Duration cpu(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }
}
