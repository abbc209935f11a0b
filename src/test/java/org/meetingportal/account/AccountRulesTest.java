package org.meetingportal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FieldProblems;

class AccountRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice", "Bob_2", "li-wei", "abcdefghijabcdefghijabcdefghij12"})
    void acceptsTrtcUserIds(String username) {
        assertTrue(AccountRules.isUsername(username));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "alice@example.com", "张伟", "x.y", "semi;colon", "tab\t"})
    void refusesAnythingTrtcWouldNot(String username) {
        assertFalse(AccountRules.isUsername(username));
    }

    @Test
    void refusesUsernamesLongerThan32() {
        assertFalse(AccountRules.isUsername("x".repeat(33)));
        assertFalse(AccountRules.isUsername(null));
    }

    @Test
    void noUsernameBeginsAsAGuestsUserIdDoes() {
        assertFalse(AccountRules.isUsername("guest_abc"), "a colleague could otherwise pass for a guest, or the reverse");
        assertFalse(AccountRules.isUsername("Guest_abc"), "TRTC's userIds are told apart without case here too");
        assertTrue(AccountRules.isGuest("guest_abc"));
        assertTrue(AccountRules.isUsername("guests"), "only the prefix with its underscore is kept back");
        assertFalse(AccountRules.isGuest("guests"));
        assertFalse(AccountRules.isGuest(null));
        assertTrue(AccountRules.usernameFromProvider("guest.ann").isEmpty(),
                "the provider's guest.ann would become a guest's userId: refused, as any unusable name is");
    }

    @Test
    void namesEveryBadField() {
        FieldProblems problems = new FieldProblems();
        AccountRules.checkUsername("no spaces please", problems);
        AccountRules.checkDisplayName("  ", problems);
        AccountRules.checkEmail("not-an-address", problems);
        AccountRules.checkRole(null, problems);
        DomainException e = assertThrows(DomainException.class, problems::throwIfAny);
        assertTrue(e.fieldProblems().stream().map(p -> p.field()).toList()
                .containsAll(java.util.List.of("username", "displayName", "email", "role")));
    }

    @Test
    void displayNamesMayBeChineseButNotControlCharacters() {
        FieldProblems ok = new FieldProblems();
        AccountRules.checkDisplayName("王小明 (Wang Xiaoming)", ok);
        ok.throwIfAny();
        FieldProblems bad = new FieldProblems();
        AccountRules.checkDisplayName("Eve\nsecurity_event=fake", bad);
        assertTrue(bad.has("displayName"));
    }

    @ParameterizedTest
    @CsvSource({"ann, ann", "ann.lee@contoso.com, ann_lee_contoso_com", "li-wei_2, li-wei_2",
            "'  bob  ', bob", "Zhang Wei, Zhang_Wei", "王伟.li, ___li"})
    void providerNamesBecomeUserIds(String preferred, String username) {
        assertEquals(Optional.of(username), AccountRules.usernameFromProvider(preferred));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "王伟", "..@..", "a-very-long-name-from-the-directory@contoso.example"})
    void providerNamesThatCannotBecomeUserIdsAreRefusedNotCut(String preferred) {
        assertEquals(Optional.empty(), AccountRules.usernameFromProvider(preferred));
    }
}
