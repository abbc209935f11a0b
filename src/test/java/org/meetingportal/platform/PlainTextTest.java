package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void anyScriptAndEmojiReadAsWritten() {
        for (String text : List.of("Ann Lee", "王小明 (Wang Xiaoming)", "Zoë & Łukasz", "שלום", "مرحبا", "🎉 launch")) {
            assertTrue(PlainText.isOneLine(text), text);
            assertTrue(PlainText.isLines(text), text);
        }
    }

    @Test
    void controlsReorderingMarksAndHalvesOfCharactersDoNot() {
        for (String text : List.of("bell\u0007", "nul\u0000", "esc\u001b[31m", "\u202Egnp.exe", "a\u2066b\u2069",
                "\u202Aleft", "half \uD83D", "\uDE00 half", "del\u007f", "next\u0085line")) {
            assertFalse(PlainText.isOneLine(text), text);
            assertFalse(PlainText.isLines(text), text);
        }
    }

    @Test
    void linesAndTabsBelongToMessagesNotToNames() {
        assertTrue(PlainText.isLines("first\n\tsecond"));
        assertFalse(PlainText.isOneLine("first\nsecond"));
        assertFalse(PlainText.isOneLine("name\twith tab"));
    }
}
