package org.meetingportal.room;

import java.util.Set;

/**
 * Whether a person may enter a meeting's room now, and with what: the media a host withheld from them, and
 * whether a host made them a co-host (then nothing is withheld).
 */
public record Entrance(Kind kind, Set<Medium> withheld, boolean coHost) {

    /** Where the person stands at the door. */
    public enum Kind {
        IN,
        /** In the waiting room until a host decides. */
        WAITING,
        /** Nobody may enter before a host, and none has. */
        WAITING_FOR_HOST,
        /** A host said no; for good. */
        DENIED,
        /** A host took the person out; for good. */
        REMOVED
    }

    public Entrance {
        withheld = Set.copyOf(withheld);
    }

    static Entrance of(Kind kind) {
        return new Entrance(kind, Set.of(), false);
    }
}
