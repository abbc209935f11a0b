package org.meetingportal.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes in the form {@code PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>}
 * (Base64), the form Jakarta Security's Pbkdf2PasswordHash uses too. Each hash keeps its own parameters, so
 * raising {@link #ITERATIONS} leaves old hashes verifiable and {@link #needsRehash} tells when to renew one.
 */
public final class PasswordHasher {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** OWASP's Password Storage Cheat Sheet figure for PBKDF2-HMAC-SHA256 (2023, unchanged in 2026). */
    public static final int ITERATIONS = 600_000;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public PasswordHasher() {
        this(ITERATIONS);
    }

    /** A hasher with another work factor: only for tests of upgrading old hashes. */
    PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations, HASH_BYTES);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code stored}; false for anything that is not a hash of ours. */
    public boolean verify(String password, String stored) {
        ParsedHash parsed = ParsedHash.parse(stored);
        if (parsed == null || password == null) {
            return false;
        }
        byte[] candidate = derive(password, parsed.salt, parsed.iterations, parsed.hash.length);
        return MessageDigest.isEqual(candidate, parsed.hash);
    }

    /** Whether a stored hash was made with weaker parameters than today's. */
    public boolean needsRehash(String stored) {
        ParsedHash parsed = ParsedHash.parse(stored);
        return parsed == null || parsed.iterations < iterations || parsed.hash.length < HASH_BYTES;
    }

    /** Iterations recorded in a stored hash, or -1 when it is not one of ours. */
    public static int iterationsOf(String stored) {
        ParsedHash parsed = ParsedHash.parse(stored);
        return parsed == null ? -1 : parsed.iterations;
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int length) {
        // The same password typed on two keyboards or input methods can arrive in different Unicode forms.
        char[] chars = Normalizer.normalize(password, Normalizer.Form.NFKC).toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
            java.util.Arrays.fill(chars, '\0');
        }
    }

    private record ParsedHash(int iterations, byte[] salt, byte[] hash) {
        static ParsedHash parse(String stored) {
            if (stored == null) {
                return null;
            }
            String[] parts = stored.split(":");
            if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2].getBytes(StandardCharsets.US_ASCII));
                byte[] hash = Base64.getDecoder().decode(parts[3].getBytes(StandardCharsets.US_ASCII));
                return iterations > 0 && salt.length > 0 && hash.length > 0 ? new ParsedHash(iterations, salt, hash) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
