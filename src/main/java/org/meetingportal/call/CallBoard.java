package org.meetingportal.call;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Presence and the calls in progress: who has a portal page open, which calls ring or run, and what each
 * event means for both sides. Every operation answers with the {@link Step} it caused, which the
 * {@link CallHub} records and delivers.
 *
 * <p>One node keeps the board in its own memory (a {@link Switchboard}); a cluster shares one in its
 * database ({@link SharedCallBoard}), so that both parties see the same state whichever node their pages are
 * connected to. {@link CallBoardChoice} picks by the database.
 */
public interface CallBoard {

    Step connect(String username, String connection);

    Step disconnect(String username, String connection);

    Presence presence(String username);

    Map<String, Presence> everyonePresent();

    /** Everyone with a call ringing or running. */
    Set<String> parties();

    /** Why an invitation cannot be placed at all (nothing is recorded then), or empty if it can. */
    Optional<String> refusal(String caller, String callee);

    Step invite(Invitation invitation);

    Step accept(long callId, String username, String connection);

    Step reject(long callId, String username);

    Step cancel(long callId, String username);

    Step hangUp(long callId, String username);

    /** Lets time pass: ringing that nobody answered, parties gone for longer than the grace period. */
    Step tick();

    /** This node stops on purpose: what only it holds goes now. A board in this node's memory goes with it. */
    default void leave() {
    }
}
