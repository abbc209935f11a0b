package org.meetingportal.room;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.meetingportal.meeting.Guest;
import org.meetingportal.meeting.MeetingService;
import org.meetingportal.platform.FacesMessages;

/**
 * The hosts' actions on {@code /admin/audit.xhtml}, under the same filters as the credentials: who did what to
 * whom in which meeting, and when; the newest {@value #SHOWN}.
 */
@Named
@RequestScoped
public class HostActionsPage {

    static final int SHOWN = 50;

    @Inject
    RoomService room;

    @Inject
    MeetingService meetings;

    private List<HostAction> actions;
    private Map<String, Guest> guests;

    /** For the audit page's filters: its user and meeting (a meeting filter that is not a number matches none). */
    public List<HostAction> of(String user, String meeting) {
        if (actions == null) {
            Long meetingId = null;
            if (meeting != null && !meeting.isBlank()) {
                try {
                    meetingId = Long.parseLong(meeting.strip());
                } catch (NumberFormatException e) {
                    meetingId = -2L;
                }
            }
            actions = room.hostActions(meetingId, user, SHOWN);
        }
        return actions;
    }

    /**
     * Whom an action concerned: a colleague's username as it is, a guest by the name they gave and the address
     * they came from, since their userId tells nobody anything.
     */
    public String whom(HostAction action) {
        if (guests == null) {
            guests = meetings.guests(actions == null ? List.of()
                    : actions.stream().map(HostAction::getSubject).filter(Objects::nonNull).toList());
        }
        Guest guest = guests.get(action.getSubject());
        return guest == null ? action.getSubject()
                : FacesMessages.text("audit.hostActions.guest", guest.getDisplayName(), guest.getAddress());
    }

    public int getShown() {
        return SHOWN;
    }
}
