package org.meetingportal.chat;

import java.util.List;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FieldProblem;
import org.meetingportal.platform.PlainText;

/**
 * What a message may hold: up to {@link #MAX_CHARACTERS} characters of text on one or more lines, nothing blank,
 * and no control characters, nor the invisible marks that reorder text on screen (a message must read as it
 * was written).
 */
final class ChatText {

    static final int MAX_CHARACTERS = 2000;

    private ChatText() {
    }

    /** The text as kept: lines ended by {@code \n}, trimmed at both ends; or a 400 naming {@code text}. */
    static String checked(String text) {
        if (text == null) {
            throw refused("chat.text.required");
        }
        String lines = text.replace("\r\n", "\n").strip();
        if (lines.isEmpty()) {
            throw refused("chat.text.empty");
        }
        if (lines.codePointCount(0, lines.length()) > MAX_CHARACTERS) {
            throw refused("chat.text.tooLong");
        }
        if (!PlainText.isLines(lines)) {
            throw refused("chat.text.control");
        }
        return lines;
    }

    private static DomainException refused(String messageKey) {
        return DomainException.invalid(List.of(new FieldProblem("text", messageKey)));
    }
}
