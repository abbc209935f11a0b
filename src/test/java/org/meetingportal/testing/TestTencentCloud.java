package org.meetingportal.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The tests' stand-in for Tencent Cloud's API: it checks each request's TC3-HMAC-SHA256 signature with
 * {@link Tc3Signature}, records what it was asked, and answers as Tencent does: a request id, or an error in the
 * body ({@code AuthFailure.SignatureFailure} for a bad signature). It can be told to fail the next calls.
 * <p>
 * Tencent's SDK signs for the service its endpoint's first label names ({@code trtc.tencentcloudapi.com}), so the
 * servers under test keep Tencent's address and reach this stand-in as their HTTPS proxy
 * ({@code PORTAL_TENCENTCLOUD_PROXY}): it answers the tunnel's {@code CONNECT} itself and speaks TLS inside it
 * with the build's test key, which only the servers under test trust. A small HTTP/1.1 server of its own, since
 * the JDK's does not take {@code CONNECT}.
 */
public final class TestTencentCloud implements AutoCloseable {

    /** One request as received: the action, its JSON parameters, and why its signature failed, if it did. */
    public record Received(Instant at, String action, String region, String version, JsonObject parameters,
            Optional<String> signatureProblem, Map<String, String> headers, byte[] body) {

        public boolean signed() {
            return signatureProblem.isEmpty();
        }
    }

    private static final String KEYSTORE_PASSWORD = "test-cloud-keystore";
    private static TestTencentCloud shared;

    private final ServerSocket server;
    private final SSLContext tls;
    private final String secretId;
    private final String secretKey;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "tencent-cloud-stand-in");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile String failureCode = "InternalError";

    private TestTencentCloud(int port, SSLContext tls, String secretId, String secretKey) {
        try {
            this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.tls = tls;
        this.secretId = secretId;
        this.secretKey = secretKey;
        connections.execute(this::accept);
    }

    /** A stand-in over plain HTTP, as a proxy or an origin, on a free loopback port: for tests of the signature. */
    public static TestTencentCloud plain(String secretId, String secretKey) {
        return new TestTencentCloud(0, null, secretId, secretKey);
    }

    /**
     * The stand-in the servers under test reach through {@code PORTAL_TENCENTCLOUD_PROXY}, started at the first
     * call and running until the test JVM ends. Empty when the run gives the servers no Tencent Cloud account.
     */
    public static synchronized Optional<TestTencentCloud> forServers() {
        String proxy = System.getenv().getOrDefault("PORTAL_TENCENTCLOUD_PROXY", "");
        if (proxy.isEmpty()) {
            return Optional.empty();
        }
        if (shared == null) {
            shared = new TestTencentCloud(Integer.parseInt(proxy.substring(proxy.lastIndexOf(':') + 1)),
                    tls(Path.of(TestPortal.setting("TENCENTCLOUD_TEST_KEYS"))),
                    TestPortal.setting("PORTAL_TENCENTCLOUD_SECRET_ID"), TestPortal.setting("PORTAL_TENCENTCLOUD_SECRET_KEY"));
        }
        return Optional.of(shared);
    }

    private static SSLContext tls(Path keys) {
        char[] password = KEYSTORE_PASSWORD.toCharArray();
        try (InputStream in = Files.newInputStream(keys.resolve("server.p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The loopback port it listens on, for a client's proxy setting. */
    public int port() {
        return server.getLocalPort();
    }

    /** The next {@code count} requests get Tencent's "internal error" answer, whatever they are. */
    public void failNext(int count) {
        failNext(count, "InternalError");
    }

    /** The next {@code count} requests get Tencent's error answer with this code, whatever they are. */
    public void failNext(int count, String code) {
        failureCode = code;
        failures.set(count);
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests that match, waiting up to {@code timeout} for at least {@code count} of them. */
    public List<Received> await(Predicate<Received> which, int count, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        for (;;) {
            List<Received> matching = received.stream().filter(which).toList();
            if (matching.size() >= count || Instant.now().isAfter(until)) {
                return matching;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return matching;
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Requests on one connection until the client closes it; a CONNECT first turns it into a TLS tunnel. */
    private void serve(Socket socket) {
        try (Socket plain = socket) {
            InputStream in = new BufferedInputStream(plain.getInputStream());
            OutputStream out = plain.getOutputStream();
            for (;;) {
                Optional<HttpRequest> request = HttpRequest.read(in);
                if (request.isEmpty()) {
                    return;
                }
                if (request.get().method().equals("CONNECT") && tls != null) {
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    SSLSocket tunnel = (SSLSocket) tls.getSocketFactory().createSocket(plain, in, true);
                    tunnel.setUseClientMode(false);
                    InputStream tunnelIn = new BufferedInputStream(tunnel.getInputStream());
                    OutputStream tunnelOut = tunnel.getOutputStream();
                    for (Optional<HttpRequest> inner = HttpRequest.read(tunnelIn); inner.isPresent();
                            inner = HttpRequest.read(tunnelIn)) {
                        answer(inner.get(), tunnelOut);
                    }
                    return;
                }
                answer(request.get(), out);
            }
        } catch (IOException | RuntimeException e) {
            // The client went away mid-request; it retries as it sees fit.
        }
    }

    private void answer(HttpRequest request, OutputStream out) throws IOException {
        Optional<String> problem = Tc3Signature.problem(request.method(), request.path(), request.query(),
                request.headers(), request.body(), "trtc", secretId, secretKey, Instant.now());
        JsonObject parameters;
        try {
            parameters = Json.createReader(new ByteArrayInputStream(request.body())).readObject();
        } catch (RuntimeException e) {
            parameters = Json.createObjectBuilder().build();
        }
        Map<String, String> headers = request.headers();
        received.add(new Received(Instant.now(), headers.getOrDefault("X-TC-Action", ""),
                headers.getOrDefault("X-TC-Region", ""), headers.getOrDefault("X-TC-Version", ""), parameters, problem,
                headers, request.body()));
        String requestId = UUID.randomUUID().toString();
        JsonObject answer;
        if (problem.isPresent()) {
            answer = error("AuthFailure.SignatureFailure", problem.get(), requestId);
        } else if (failures.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
            answer = error(failureCode, "the tests' stand-in was told to answer so", requestId);
        } else {
            answer = Json.createObjectBuilder().add("Response", Json.createObjectBuilder().add("RequestId", requestId))
                    .build();
        }
        byte[] content = answer.toString().getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + content.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
    }

    private static JsonObject error(String code, String message, String requestId) {
        return Json.createObjectBuilder().add("Response", Json.createObjectBuilder()
                .add("Error", Json.createObjectBuilder().add("Code", code).add("Message", message))
                .add("RequestId", requestId)).build();
    }

    /** One HTTP/1.1 request: what the stand-in needs of it. */
    private record HttpRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {

        /** The next request on a connection; empty at its end. */
        static Optional<HttpRequest> read(InputStream in) throws IOException {
            String line = line(in);
            if (line == null || line.isEmpty()) {
                return Optional.empty();
            }
            String[] parts = line.split(" ");
            if (parts.length != 3) {
                throw new IOException("not an HTTP request line: " + line);
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
            byte[] body = in.readNBytes(length);
            // A plain proxy's request names the whole address; the origin's part of it is the path.
            String target = parts[1].replaceFirst("^https?://[^/]*", "");
            int question = target.indexOf('?');
            return Optional.of(new HttpRequest(parts[0].toUpperCase(Locale.ROOT),
                    question < 0 ? target : target.substring(0, question),
                    question < 0 ? "" : target.substring(question + 1), headers, body));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b == '\n') {
                    String text = bytes.toString(StandardCharsets.ISO_8859_1);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                bytes.write(b);
            }
            return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.shutdownNow();
    }
}
