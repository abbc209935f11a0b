package org.meetingportal.credential;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tests' own reader of TRTC UserSigs and PrivateMapKeys, written from Tencent's description of the
 * algorithm, independent of the generator the portal uses: reverse the character map, Base64-decode,
 * zlib-inflate, parse the JSON, and recompute the HMAC-SHA256 with the secret key.
 */
public final class TrtcTokens {

    private TrtcTokens() {
    }

    /** A decoded token whose signature was checked against the key. */
    public record Token(String identifier, long sdkAppId, long time, long expire, UserBuf userBuf) {
    }

    /** The binary userbuf of a PrivateMapKey. */
    public record UserBuf(int version, String account, long sdkAppId, long roomId, long expiresAt, long privileges,
            long accountType) {
    }

    /** Decodes {@code token} and checks its HMAC with {@code key}; throws AssertionError when anything is off. */
    public static Token verify(String token, String key) {
        JsonObject envelope = envelope(token);
        if (!"2.0".equals(envelope.getString("TLS.ver"))) {
            throw new AssertionError("not a v2 token: " + envelope);
        }
        String identifier = envelope.getString("TLS.identifier");
        long sdkAppId = envelope.getJsonNumber("TLS.sdkappid").longValue();
        long time = envelope.getJsonNumber("TLS.time").longValue();
        long expire = envelope.getJsonNumber("TLS.expire").longValue();
        String userBuf = envelope.containsKey("TLS.userbuf") ? envelope.getString("TLS.userbuf") : null;
        StringBuilder content = new StringBuilder()
                .append("TLS.identifier:").append(identifier).append('\n')
                .append("TLS.sdkappid:").append(sdkAppId).append('\n')
                .append("TLS.time:").append(time).append('\n')
                .append("TLS.expire:").append(expire).append('\n');
        if (userBuf != null) {
            content.append("TLS.userbuf:").append(userBuf).append('\n');
        }
        byte[] expected = hmac(key, content.toString());
        byte[] actual = Base64.getDecoder().decode(envelope.getString("TLS.sig"));
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new AssertionError("signature does not verify with the key");
        }
        return new Token(identifier, sdkAppId, time, expire, userBuf == null ? null : userBuf(Base64.getDecoder().decode(userBuf)));
    }

    /**
     * The token with one field of its JSON changed and its signature kept, as someone who wanted more than they
     * were given would make it.
     */
    public static String tampered(String token, String field, long value) {
        JsonObject changed = Json.createObjectBuilder(envelope(token)).add(field, value).build();
        Deflater deflater = new Deflater();
        deflater.setInput(changed.toString().getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[512];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(out.toByteArray()).replace('+', '*').replace('/', '-')
                .replace('=', '_');
    }

    private static JsonObject envelope(String token) {
        String base64 = token.replace('*', '+').replace('-', '/').replace('_', '=');
        byte[] json = inflate(Base64.getDecoder().decode(base64));
        try (JsonReader reader = Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private static UserBuf userBuf(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int version = buffer.get() & 0xff;
        int accountLength = buffer.getShort() & 0xffff;
        byte[] account = new byte[accountLength];
        buffer.get(account);
        long sdkAppId = buffer.getInt() & 0xffffffffL;
        long roomId = buffer.getInt() & 0xffffffffL;
        long expiresAt = buffer.getInt() & 0xffffffffL;
        long privileges = buffer.getInt() & 0xffffffffL;
        long accountType = buffer.getInt() & 0xffffffffL;
        if (buffer.hasRemaining() && version == 0) {
            throw new AssertionError("trailing bytes in a numeric-room userbuf");
        }
        return new UserBuf(version, new String(account, StandardCharsets.UTF_8), sdkAppId, roomId, expiresAt,
                privileges, accountType);
    }

    private static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[512];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new AssertionError("truncated zlib stream");
                }
                out.write(chunk, 0, n);
            }
        } catch (DataFormatException e) {
            throw new AssertionError("not a zlib stream", e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    private static byte[] hmac(String key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
