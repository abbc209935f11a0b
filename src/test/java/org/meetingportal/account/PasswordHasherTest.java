package org.meetingportal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesWithPbkdf2Sha256AtOwaspsIterationsAndARandomSalt() {
        String hash = hasher.hash("correct horse battery staple");
        String[] parts = hash.split(":");
        assertEquals(4, parts.length);
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals(600_000, Integer.parseInt(parts[1]));
        assertTrue(Base64.getDecoder().decode(parts[2]).length >= 16, "salt of at least 128 bits");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertNotEquals(hash, hasher.hash("correct horse battery staple"), "a fresh salt every time");
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("Zhōngwén 密码 ✓ with spaces");
        assertTrue(hasher.verify("Zhōngwén 密码 ✓ with spaces", hash));
        assertFalse(hasher.verify("Zhōngwén 密码 ✓ with space", hash));
        assertFalse(hasher.verify("", hash));
        assertFalse(hasher.verify(null, hash));
    }

    @Test
    void treatsTheSamePasswordInAnotherUnicodeFormAsTheSame() {
        String composed = "caf\u00e9-terrace";
        String decomposed = "cafe\u0301-terrace";
        assertTrue(hasher.verify(decomposed, hasher.hash(composed)));
    }

    @Test
    void refusesAnythingThatIsNotOneOfItsHashes() {
        for (String stored : new String[] {null, "", "plain", "PBKDF2WithHmacSHA256:x:y:z",
                "PBKDF2WithHmacSHA1:1000:AAAA:AAAA", "PBKDF2WithHmacSHA256:1000:!!:AAAA"}) {
            assertFalse(hasher.verify("password", stored), String.valueOf(stored));
            assertTrue(hasher.needsRehash(stored), String.valueOf(stored));
        }
    }

    @Test
    void asksForARehashOfHashesMadeWithFewerIterations() {
        String old = new PasswordHasher(2_048).hash("an older pass phrase");
        assertEquals(2_048, PasswordHasher.iterationsOf(old));
        assertTrue(new PasswordHasher().verify("an older pass phrase", old), "old hashes keep verifying");
        assertTrue(hasher.needsRehash(old));
        assertFalse(hasher.needsRehash(hasher.hash("an older pass phrase")));
    }
}
