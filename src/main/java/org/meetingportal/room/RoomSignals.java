package org.meetingportal.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.meetingportal.call.CallFanout;
import org.meetingportal.meeting.Meeting;

/**
 * What the pages of a meeting's people hear of its room, through every page's call socket on whichever
 * node: {@code {"type":"room","meeting":id,"event":…}}. Sent with the deciding transaction, so that a page
 * that acts on a signal finds the decision made. The pages only reflect these; the server has decided.
 */
@ApplicationScoped
class RoomSignals {

    /** Someone began to wait: hosts read the waiting room again. */
    static final String WAITING = "waiting";
    /** A host decided about someone waiting: the other hosts read it again. */
    static final String LOBBY = "lobby";

    @PersistenceContext
    EntityManager em;

    @Inject
    CallFanout fanout;

    void toPerson(long meetingId, String username, String event) {
        fanout.publish(username, message(meetingId, event));
    }

    void toHosts(long meetingId, String event) {
        String message = message(meetingId, event);
        em.createNamedQuery(Meeting.FIND_HOSTS, String.class).setParameter("id", meetingId).getResultStream()
                .forEach(host -> fanout.publish(host, message));
    }

    private static String message(long meetingId, String event) {
        return Json.createObjectBuilder().add("type", "room").add("meeting", meetingId).add("event", event).build()
                .toString();
    }
}
