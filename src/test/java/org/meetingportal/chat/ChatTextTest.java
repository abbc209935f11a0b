package org.meetingportal.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FieldProblem;

class ChatTextTest {

    private static String refusal(String text) {
        DomainException refused = assertThrows(DomainException.class, () -> ChatText.checked(text));
        FieldProblem problem = refused.fieldProblems().get(0);
        assertEquals("text", problem.field());
        return problem.messageKey();
    }

    @Test
    void keepsTextAsWrittenWithLinesEndedByNewlines() {
        assertEquals("two\nlines", ChatText.checked("  two\r\nlines \n"));
        assertEquals("tab\there", ChatText.checked("tab\there"));
        assertEquals("<b>not markup</b>", ChatText.checked("<b>not markup</b>"));
        assertEquals("family 👨‍👩‍👧", ChatText.checked("family 👨‍👩‍👧"), "joiners inside emoji are fine");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String smiles = "😀".repeat(ChatText.MAX_CHARACTERS);
        assertEquals(smiles, ChatText.checked(smiles));
        assertEquals("chat.text.tooLong", refusal(smiles + "x"));
        assertEquals("chat.text.tooLong", refusal("x".repeat(ChatText.MAX_CHARACTERS + 1)));
    }

    @Test
    void refusesNothingControlsAndReorderingMarks() {
        assertEquals("chat.text.required", refusal(null));
        assertEquals("chat.text.empty", refusal(""));
        assertEquals("chat.text.empty", refusal(" \n\t "));
        assertEquals("chat.text.control", refusal("bell\u0007"));
        assertEquals("chat.text.control", refusal("nul\u0000"));
        assertEquals("chat.text.control", refusal("escape\u001b[31m"));
        assertEquals("chat.text.control", refusal("gpj.\u202Eexe"));
        assertEquals("chat.text.control", refusal("isolate\u2066x\u2069"));
        assertEquals("chat.text.control", refusal("lone \uD800 surrogate"));
    }
}
