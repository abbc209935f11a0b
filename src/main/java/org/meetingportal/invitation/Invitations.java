package org.meetingportal.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountService;
import org.meetingportal.mail.Letter;
import org.meetingportal.mail.MailOutbox;
import org.meetingportal.meeting.MeetingChanged;
import org.meetingportal.meeting.MeetingNotice;
import org.meetingportal.meeting.MeetingService;
import org.meetingportal.platform.PublicUrl;

/**
 * Writes the invitations a change of a meeting calls for into the outbox, in the change's own transaction: each
 * person asked gets the entry as it now stands, each person no longer asked its cancellation, and the people of
 * a series that ended earlier (the meeting and those after it left it) the shorter series.
 */
@ApplicationScoped
public class Invitations {

    @Inject
    MeetingService meetings;

    @Inject
    AccountService accounts;

    @Inject
    MailOutbox outbox;

    @Inject
    PublicUrl publicUrl;

    void changed(@Observes MeetingChanged change) {
        if (!outbox.enabled()) {
            return;
        }
        String base = publicUrl.forMessages();
        MeetingNotice notice = meetings.notice(change.meetingId());
        List<Letter> letters = new ArrayList<>();
        for (Account person : notice.people()) {
            if (person.enabled()) {
                letters.add(InvitationText.invitation(notice, person, base));
            }
        }
        for (Account person : accounts.accounts(change.removed()).values()) {
            letters.add(InvitationText.removal(notice, person, base));
        }
        if (change.formerSeriesId() != null) {
            MeetingNotice former = meetings.seriesNotice(change.formerSeriesId());
            for (Account person : former.people()) {
                if (person.enabled()) {
                    letters.add(InvitationText.invitation(former, person, base));
                }
            }
        }
        outbox.post(letters);
    }
}
