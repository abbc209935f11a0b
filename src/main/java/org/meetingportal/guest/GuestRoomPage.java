package org.meetingportal.guest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.meeting.AttendeeRights;
import org.meetingportal.meeting.MeetingService;
import org.meetingportal.meeting.MeetingView;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FacesMessages;
import org.meetingportal.security.SignedInUser;
import org.meetingportal.security.Sessions;

/**
 * {@code /guest-room.xhtml}: the one page of a guest, their meeting's lobby and room. Which meeting comes from
 * the guest's session; the page takes no parameter.
 */
@Named
@RequestScoped
public class GuestRoomPage {

    @Inject
    MeetingService meetings;

    @Inject
    CurrentUser currentUser;

    @Inject
    HttpServletRequest request;

    private MeetingView meeting;

    public void load() throws IOException {
        try {
            long meetingId = Sessions.signedIn(request).filter(SignedInUser::isGuest).orElseThrow()
                    .guest().meetingId();
            meeting = meetings.find(meetingId, currentUser.account().orElseThrow());
        } catch (DomainException | java.util.NoSuchElementException e) {
            FacesMessages.notFound();
        }
    }

    public MeetingView getMeeting() {
        return meeting;
    }

    /** Guests of a view-only meeting watch and listen, as its attendees do. */
    public boolean isViewOnly() {
        return meeting.attendeeRights() == AttendeeRights.VIEW_ONLY;
    }
}
