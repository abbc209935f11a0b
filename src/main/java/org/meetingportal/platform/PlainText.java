package org.meetingportal.platform;

/**
 * The one rule for text that people type and others read (names, titles, chat messages): it must read as it was
 * written. So no control characters, none of the invisible marks that reorder text on screen (U+202A–U+202E,
 * U+2066–U+2069, with which "gnp.exe" can be made to look like "exe.png"), and no half of a character.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Whether {@code text} reads as written on one line. */
    public static boolean isOneLine(String text) {
        return text.codePoints().noneMatch(c -> forbidden(c) || c == '\n' || c == '\t');
    }

    /** Whether {@code text} reads as written, on one or more lines (line feeds and tabs allowed). */
    public static boolean isLines(String text) {
        return text.codePoints().noneMatch(PlainText::forbidden);
    }

    private static boolean forbidden(int c) {
        boolean control = Character.isISOControl(c) && c != '\n' && c != '\t';
        boolean reordering = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        return control || reordering || Character.getType(c) == Character.SURROGATE;
    }
}
