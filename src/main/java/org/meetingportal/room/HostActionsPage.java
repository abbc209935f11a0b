package org.meetingportal.room;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

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

    private List<HostAction> actions;

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

    public int getShown() {
        return SHOWN;
    }
}
