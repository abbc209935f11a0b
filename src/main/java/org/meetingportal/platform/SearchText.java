package org.meetingportal.platform;

import java.util.Locale;

/** What a person typed into a search box, as a case-insensitive LIKE pattern in which % and _ are plain characters. */
public final class SearchText {

    private SearchText() {
    }

    /** {@code %text%} in lower case, with {@code \}, {@code %} and {@code _} escaped for {@code escape '\'}. */
    public static String containsPattern(String text) {
        String folded = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
