package org.meetingportal.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.Set;
import org.meetingportal.call.CallFanout;
import org.meetingportal.meeting.Meeting;
import org.meetingportal.trtc.CloudCallService;

/**
 * What the pages of a meeting's people hear of its room, through every page's call socket on whichever
 * node: {@code {"type":"room","meeting":id,"event":…}}. Sent with the deciding transaction, so that a page
 * that acts on a signal finds the decision made. The pages only reflect these; the server has decided.
 */
@ApplicationScoped
public class RoomSignals {

    /** Someone began to wait: hosts read the waiting room again. */
    static final String WAITING = "waiting";
    /** A host decided about someone waiting: the other hosts read it again. */
    static final String LOBBY = "lobby";
    /** A host ended the meeting for everyone: every page leaves the room. */
    static final String ENDED = "ended";
    /** Someone came into the room, left it, or changed what they send: pages read the roster again. */
    static final String ROSTER = "roster";
    /** A host took this person out: their pages leave the room. */
    static final String REMOVED = "removed";
    /** What this person may send changed: their pages renew their credential at once and switch to it. */
    static final String PRIVILEGES = "privileges";
    /** A host lowered this person's raised hand: their pages lower it too. */
    static final String LOWER_HAND = "lower-hand";
    /** A host closed the chat to attendees or opened it: {@code detail.closed}. */
    static final String CHAT_SETTINGS = "chat-settings";
    /** A host muted every attendee: their pages turn their microphones off. */
    static final String MUTE_ALL = "mute-all";

    /** A host stopped what this person sends: their pages turn it off. */
    static String stop(Medium medium) {
        return switch (medium) {
            case AUDIO -> "mute";
            case VIDEO -> "stop-video";
            case SCREEN -> "stop-screen";
        };
    }

    /** Tencent Cloud has not confirmed a call a host's decision needs: hosts read the meeting's calls again. */
    static final String CLOUD = "cloud";

    @PersistenceContext
    EntityManager em;

    @Inject
    CallFanout fanout;

    void toPerson(long meetingId, String username, String event) {
        fanout.publish(username, message(meetingId, event));
    }

    void toEveryone(long meetingId, String event) {
        toEveryone(meetingId, event, null);
    }

    /**
     * To everyone the meeting names, everyone a host let in, and everyone in its room now, with what the event
     * carries under {@code "detail"}. Not to those still waiting at the door, nor to those turned away: what is
     * said in a room is for the people in it.
     */
    public void toEveryone(long meetingId, String event, JsonObject detail) {
        publish(meetingId, message(meetingId, event, detail), LobbyEntry.FIND_ADMITTED_USERNAMES);
    }

    /** To everyone {@link #toEveryone} reaches and everyone who ever came to the door: that the meeting ended. */
    void toEveryoneAtTheDoor(long meetingId, String event) {
        publish(meetingId, message(meetingId, event), LobbyEntry.FIND_USERNAMES);
    }

    private void publish(long meetingId, String message, String lobbyQuery) {
        Set<String> people = new HashSet<>(em.createNamedQuery(Meeting.FIND_PEOPLE, String.class)
                .setParameter("id", meetingId).getResultList());
        people.addAll(em.createNamedQuery(lobbyQuery, String.class).setParameter("meeting", meetingId)
                .getResultList());
        people.addAll(em.createNamedQuery(RoomPresence.FIND_PEOPLE, String.class).setParameter("meeting", meetingId)
                .getResultList());
        people.forEach(person -> fanout.publish(person, message));
    }

    void cloudUnconfirmed(@Observes CloudCallService.Unconfirmed call) {
        toHosts(call.meetingId(), CLOUD);
    }

    void toHosts(long meetingId, String event) {
        String message = message(meetingId, event);
        em.createNamedQuery(Meeting.FIND_HOSTS, String.class).setParameter("id", meetingId).getResultList()
                .forEach(host -> fanout.publish(host, message));
    }

    private static String message(long meetingId, String event) {
        return message(meetingId, event, null);
    }

    private static String message(long meetingId, String event, JsonObject detail) {
        var message = Json.createObjectBuilder().add("type", "room").add("meeting", meetingId).add("event", event);
        if (detail != null) {
            message.add("detail", detail);
        }
        return message.build().toString();
    }
}
