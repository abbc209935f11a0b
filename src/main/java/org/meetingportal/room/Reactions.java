package org.meetingportal.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.meetingportal.account.Account;
import org.meetingportal.platform.RetryLaterException;

/**
 * Reactions in a running meeting's room: shown for a moment over the sender's tile on every page, and kept
 * nowhere. One a second per person on each node, enough for a person and too few to flood the pages.
 */
@ApplicationScoped
@Transactional
public class Reactions {

    static final Duration PACE = Duration.ofSeconds(1);
    /** Someone reacted: {@code detail} says who and with what. */
    static final String REACTION = "reaction";

    private final Map<String, Instant> lastOf = new ConcurrentHashMap<>();

    @Inject
    RoomService room;

    @Inject
    RoomSignals signals;

    @Inject
    Clock clock;

    public void react(long meetingId, Account person, Reaction reaction) {
        RoomMember member = room.member(meetingId, person);
        Instant now = clock.instant();
        String key = meetingId + "/" + member.userId();
        Instant last = lastOf.put(key, now);
        if (last != null && now.isBefore(last.plus(PACE))) {
            lastOf.put(key, last);
            throw new RetryLaterException(PACE.toSeconds(), "room.reaction.tooFast");
        }
        if (lastOf.size() > 10_000) {
            lastOf.values().removeIf(at -> at.isBefore(now.minus(PACE)));
        }
        signals.toEveryone(meetingId, REACTION, Json.createObjectBuilder().add("userId", member.userId())
                .add("displayName", member.displayName()).add("reaction", reaction.code()).build());
    }
}
