package org.meetingportal.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.meetingportal.account.Account;
import org.meetingportal.call.CallFanout;
import org.meetingportal.mail.Letter;
import org.meetingportal.mail.MailOutbox;
import org.meetingportal.meeting.MeetingNotice;
import org.meetingportal.meeting.MeetingService;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.PublicUrl;

/**
 * Reminds each meeting's people shortly before it starts ({@code PORTAL_REMINDER_MINUTES}): by e-mail, and on
 * every portal page they have open, on whichever node. Each meeting is claimed in the same transaction that
 * writes its reminders, so with any number of nodes a person hears once of each meeting at each start it has.
 */
@ApplicationScoped
@Transactional
public class Reminders {

    /** Meetings reminded of in one transaction; the rest wait for the next sweep, seconds later. */
    static final int BATCH = 100;

    @Inject
    MeetingService meetings;

    @Inject
    MailOutbox outbox;

    @Inject
    CallFanout fanout;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Configuration configuration;

    /** Reminds of the meetings now due; the number of meetings. */
    public int remind() {
        Duration lead = configuration.reminderLead();
        if (lead.isZero()) {
            return 0;
        }
        String base = publicUrl.forMessages();
        int reminded = 0;
        for (MeetingNotice notice : meetings.claimReminders(lead, BATCH)) {
            String page = Json.createObjectBuilder().add("type", "reminder").add("meeting", notice.meetingId())
                    .add("title", notice.title()).add("startsAt", notice.startsAt().toString())
                    .add("path", "/meeting.xhtml?id=" + notice.meetingId()).build().toString();
            List<Letter> letters = new ArrayList<>();
            for (Account person : notice.people()) {
                if (person.enabled() && notice.asksToThis(person.username())) {
                    letters.add(InvitationText.reminder(notice, person, base));
                    fanout.publish(person.username(), page);
                }
            }
            outbox.post(letters);
            reminded++;
        }
        return reminded;
    }

    /** Whether reminders are sent at all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean enabled() {
        return !configuration.reminderLead().isZero();
    }
}
