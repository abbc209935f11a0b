package org.meetingportal.room;

import java.util.Arrays;
import java.util.Optional;

/** The reactions a page may show briefly over a person's tile: a short fixed set, so nobody sends anything else. */
public enum Reaction {
    THUMBS_UP("thumbs-up"),
    CLAP("clap"),
    LAUGH("laugh"),
    SURPRISED("surprised"),
    HEART("heart"),
    CELEBRATE("celebrate");

    private final String code;

    Reaction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Reaction> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
