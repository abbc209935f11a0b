package org.meetingportal.meeting;

import java.util.Locale;
import org.meetingportal.platform.FieldProblems;

/** What a change to an occurrence of a series reaches: that occurrence alone, or it and every later one. */
public enum ChangeScope {
    OCCURRENCE,
    FOLLOWING;

    /** The scope a request names ({@code occurrence} when none); a 400 naming {@code scope} for another word. */
    public static ChangeScope of(String text) {
        if (text == null || text.isBlank()) {
            return OCCURRENCE;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            new FieldProblems().add("scope", "meeting.scope.invalid").throwIfAny();
            return OCCURRENCE;
        }
    }
}
