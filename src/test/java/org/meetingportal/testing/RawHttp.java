package org.meetingportal.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client that sends from a chosen loopback address (127.0.0.2, 127.0.0.3, ...), so that
 * tests of the per-address sign-in throttle lock out that address only, never the one all other tests use.
 * (java.net.http cannot choose its local address on Java 17.)
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * A loopback address no earlier run has used, in 127.1.0.0/16 to 127.254.255.255: a test that locks an
     * address must not find it still locked from a previous run on the same database.
     */
    public static String freshLoopbackAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    /** Status, the raw header block and the body of one request sent from {@code from}. */
    public record Answer(int status, String headers, String body) {
        public boolean hasHeader(String name) {
            return headers.toLowerCase().contains("\r\n" + name.toLowerCase() + ":");
        }

        /** The first value of header {@code name}, if the answer has it. */
        public java.util.Optional<String> header(String name) {
            return headers.lines().filter(l -> l.toLowerCase().startsWith(name.toLowerCase() + ":"))
                    .map(l -> l.substring(name.length() + 1).strip()).findFirst();
        }

        /** The value of the cookie {@code name} that the answer sets, if it sets one. */
        public java.util.Optional<String> cookie(String name) {
            return headers.lines().filter(l -> l.toLowerCase().startsWith("set-cookie:"))
                    .map(l -> l.substring("set-cookie:".length()).strip())
                    .filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(name.length() + 1).split(";", 2)[0]).findFirst();
        }
    }

    public static Answer postJson(URL base, String from, String path, String json) {
        return send(base, from, "POST", path, json);
    }

    /**
     * One request from {@code from}; {@code json} may be null for none, and {@code headers} are extra
     * {@code "Name: value"} lines such as a cookie or a CSRF token.
     */
    public static Answer send(URL base, String from, String method, String path, String json, String... headers) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Accept: application/json\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        String request = head + "Content-Length: " + body.length + "\r\n" + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A GET of {@code target} exactly as written, neither normalised nor encoded, with the given header
     * lines ({@code "Cookie: a=b"}); a {@code Host:} or {@code Accept:} line among them replaces the usual one.
     */
    public static Answer get(URL base, String target, String... headerLines) {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\n");
        boolean ownHost = false;
        boolean ownAccept = false;
        for (String line : headerLines) {
            ownHost |= line.regionMatches(true, 0, "Host:", 0, 5);
            ownAccept |= line.regionMatches(true, 0, "Accept:", 0, 7);
            request.append(line).append("\r\n");
        }
        if (!ownHost) {
            request.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        }
        if (!ownAccept) {
            request.append("Accept: text/html\r\n");
        }
        request.append("Accept-Language: en\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end + 2);
        String body = end < 0 ? "" : text.substring(end + 4);
        int status = Integer.parseInt(head.substring(9, 12));
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Answer(status, head, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
            body.append(chunk);
            at = lineEnd + 2 + chunk.length() + 2;
        }
        return body.toString();
    }
}
