package org.meetingportal.guest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.meetingportal.account.Account;
import org.meetingportal.meeting.Guest;
import org.meetingportal.meeting.Meeting;
import org.meetingportal.meeting.MeetingStatus;
import org.meetingportal.room.RoomService;
import org.meetingportal.security.GuestDoor;
import org.meetingportal.security.GuestPass;

/**
 * Whether a guest's pass still lets them in: their meeting has neither ended nor been cancelled, and no host
 * turned them away. The link counts only at the door: a host's new invitation stops it letting anyone new in,
 * and takes nobody out who is already there. Only reads, and never throws for a "no", so that it can be asked from
 * anywhere, inside a transaction or not.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class GuestWelcome implements GuestDoor {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    RoomService room;

    @Inject
    GuestService guests;

    @Override
    public Optional<Account> welcome(String userId, GuestPass pass) {
        if (!guests.allowed()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Guest guest = em.find(Guest.class, userId);
        Meeting meeting = em.find(Meeting.class, pass.meetingId());
        boolean welcome = guest != null && guest.getMeetingId() == pass.meetingId() && guest.getLinkId() == pass.linkId()
                && meeting != null && meeting.getStatus() == MeetingStatus.SCHEDULED && now.isBefore(meeting.getEndsAt())
                && !room.anyTurnedAway(pass.meetingId(), List.of(userId));
        return welcome ? Optional.of(Account.guest(userId, guest.getDisplayName())) : Optional.empty();
    }
}
