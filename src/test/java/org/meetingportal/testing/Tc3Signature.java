package org.meetingportal.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Our own check of Tencent Cloud API 3.0's TC3-HMAC-SHA256 signature, written from Tencent's published
 * algorithm (canonical request, string to sign, the key derived by date, service and "tc3_request"), not
 * with the SDK: what the portal sends must pass what Tencent's servers compute.
 */
public final class Tc3Signature {

    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    /** Tencent refuses a request whose timestamp is further than this from its clock. */
    public static final Duration MAX_CLOCK_DIFFERENCE = Duration.ofMinutes(5);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/([a-z0-9]+)/tc3_request, "
                    + "SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Tc3Signature() {
    }

    /**
     * Why a request fails the check, or empty when it passes.
     *
     * @param headers the request's headers; names in any case
     * @param service the product the request is for, such as {@code trtc}
     */
    public static Optional<String> problem(String method, String path, String query, Map<String, String> headers,
            byte[] body, String service, String secretId, String secretKey, Instant now) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        Matcher authorization = AUTHORIZATION.matcher(byName.getOrDefault("Authorization", ""));
        if (!authorization.matches()) {
            return Optional.of("no TC3-HMAC-SHA256 Authorization header");
        }
        if (!authorization.group(1).equals(secretId)) {
            return Optional.of("unknown SecretId " + authorization.group(1));
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(byName.getOrDefault("X-TC-Timestamp", ""));
        } catch (NumberFormatException e) {
            return Optional.of("no X-TC-Timestamp");
        }
        Instant signedAt = Instant.ofEpochSecond(timestamp);
        if (Duration.between(signedAt, now).abs().compareTo(MAX_CLOCK_DIFFERENCE) > 0) {
            return Optional.of("timestamp " + signedAt + " too far from " + now);
        }
        String date = DATE.format(signedAt);
        if (!authorization.group(2).equals(date)) {
            return Optional.of("credential date " + authorization.group(2) + " is not the timestamp's " + date);
        }
        if (!authorization.group(3).equals(service)) {
            return Optional.of("credential scope names service " + authorization.group(3) + ", not " + service);
        }
        String signedHeaders = authorization.group(4);
        if (!(";" + signedHeaders + ";").contains(";host;")) {
            return Optional.of("the host header is not signed");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            String value = byName.get(name);
            if (value == null) {
                return Optional.of("signed header " + name + " is missing");
            }
            canonicalHeaders.append(name).append(':').append(value.strip().toLowerCase(Locale.ROOT)).append('\n');
        }
        String canonicalRequest = method + "\n" + path + "\n" + query + "\n" + canonicalHeaders + "\n" + signedHeaders
                + "\n" + hex(sha256(body));
        String scope = date + "/" + service + "/tc3_request";
        String stringToSign = ALGORITHM + "\n" + timestamp + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, service);
        key = hmac(key, "tc3_request");
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                authorization.group(5).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("signature does not match");
        }
        return Optional.empty();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
