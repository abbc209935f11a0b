package org.meetingportal.meeting;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.meetingportal.platform.Redirects;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FacesMessages;
import org.meetingportal.platform.PublicUrl;
import org.meetingportal.account.CurrentUser;

/**
 * {@code /meeting.xhtml?id=}: one meeting as its people see it. Anyone who may not see it gets the
 * not-found page, the same as for a meeting that does not exist. {@code ?series=} leads to the series' meeting
 * of the day (its link stays the same for every occurrence), {@code ?series=&at=} to one occurrence by the start
 * its rule gives it.
 */
@Named
@RequestScoped
public class MeetingPage {

    @Inject
    MeetingService meetings;

    @Inject
    CurrentUser currentUser;

    @Inject
    PublicUrl publicUrl;

    private String id;
    private String series;
    private String at;
    private MeetingView meeting;

    public void load() throws IOException {
        try {
            if (series != null && !series.isBlank()) {
                long seriesId = Long.parseLong(series.strip());
                MeetingView occurrence = at == null || at.isBlank()
                        ? meetings.currentOccurrence(seriesId, currentUser.account().orElseThrow())
                        : meetings.occurrence(seriesId, MeetingRules.occurrenceStart(at),
                                currentUser.account().orElseThrow());
                Redirects.to("/meeting.xhtml?id=" + occurrence.id());
                return;
            }
            meeting = meetings.find(Long.parseLong(id == null ? "" : id.strip()), currentUser.account().orElseThrow());
        } catch (DomainException | NumberFormatException e) {
            FacesMessages.notFound();
        }
    }

    /** The address to share, absolute: a series' own link, which leads to its meeting of the day. */
    public String getLink() {
        return publicUrl.link(meeting.seriesId() == null ? "/meeting.xhtml?id=" + meeting.id()
                : "/meeting.xhtml?series=" + meeting.seriesId());
    }

    /**
     * Whether the viewer may enter the room: a host or attendee, or anyone for a meeting open to every
     * employee, while it is not cancelled or over. Admins see every meeting but join only their own.
     */
    public boolean isMayJoin() {
        return (meeting.yourRole() != null || meeting.access() == Access.ALL_EMPLOYEES)
                && meeting.state() != MeetingPhase.ENDED && meeting.state() != MeetingPhase.CANCELLED;
    }

    /** Its hosts edit and cancel it, admins any meeting. */
    public boolean isMayEdit() {
        return meetings.mayEdit(meeting.id(), currentUser.account().orElseThrow());
    }

    /** Hosts run the meeting: its waiting room and, in the room, its people. */
    public boolean isHost() {
        return meeting.yourRole() == ParticipantRole.HOST;
    }

    /** The waiting room and the lock are for the hosts of a meeting they can enter. */
    public boolean isWaitingRoomShown() {
        return isHost() && isMayJoin();
    }

    /** Attendees of a view-only meeting watch and listen; the server gives them no right to publish. */
    public boolean isViewOnly() {
        return meeting.yourRole() != ParticipantRole.HOST && meeting.attendeeRights() == AttendeeRights.VIEW_ONLY;
    }

    /** Attendees of a meeting without screen sharing may not share; hosts always may. */
    public boolean isMayShareScreen() {
        return meeting.yourRole() == ParticipantRole.HOST || meeting.attendeeRights() == AttendeeRights.FULL;
    }

    public MeetingView getMeeting() {
        return meeting;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getSeries() {
        return series;
    }

    public void setSeries(String series) {
        this.series = series;
    }

    public String getAt() {
        return at;
    }

    public void setAt(String at) {
        this.at = at;
    }
}
