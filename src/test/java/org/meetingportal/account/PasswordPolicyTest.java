package org.meetingportal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static Optional<String> check(String password) {
        return PasswordPolicy.check(password, "alice");
    }

    @Test
    void needsAtLeastEightCharactersCountedAsCharactersNotBytes() {
        assertEquals(Optional.of("password.required"), check(""));
        assertEquals(Optional.of("password.required"), check(null));
        assertEquals(Optional.of("password.tooShort"), check("7 chars"));
        assertEquals(Optional.empty(), check("8 chars!"));
        assertEquals(Optional.of("password.tooShort"), check("😀😀😀😀😀😀😀"), "seven emoji are seven characters");
        assertEquals(Optional.empty(), check("我的会议密码很长"));
    }

    @Test
    void allowsLongPassphrasesUpTo128Characters() {
        assertEquals(Optional.empty(), check("a sentence that is long and easy to remember for sixty-four chars"));
        assertEquals(Optional.empty(), check("q".repeat(60) + " and more words to reach over a hundred characters in total here!!"));
        assertEquals(Optional.empty(), check("x1y2".repeat(32)));
        assertEquals(Optional.of("password.tooLong"), check("x1y2".repeat(32) + "z"));
    }

    @Test
    void hasNoCompositionRules() {
        assertEquals(Optional.empty(), check("onlylowercaseletters"));
        assertEquals(Optional.empty(), check("ONLY UPPER CASE AND SPACES"));
        assertEquals(Optional.empty(), check("94817265038"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "Password1", "PASSWORD123", "qwertyuiop", "iloveyou", "12345678",
        "aaaaaaaa", "abcabcabcabc", "12121212", "abcdefghij", "98765432", "woaini1314", "1q2w3e4r"})
    void refusesPasswordsAttackersTryFirst(String common) {
        assertEquals(Optional.of("password.common"), check(common));
    }

    @Test
    void refusesPasswordsContainingTheUsername() {
        assertEquals(Optional.of("password.containsUsername"), PasswordPolicy.check("my-Alice-2026!", "alice"));
        assertEquals(Optional.empty(), PasswordPolicy.check("my-Alice-2026!", "bob"));
    }
}
