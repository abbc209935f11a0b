package org.meetingportal.guest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** For the meeting page's "Copy guest invitation": offered only where the company lets people invite guests. */
@Named
@RequestScoped
public class GuestInvitationPage {

    @Inject
    GuestService guests;

    public boolean isOffered() {
        return guests.allowed();
    }
}
