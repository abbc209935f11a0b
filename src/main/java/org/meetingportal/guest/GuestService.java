package org.meetingportal.guest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountRules;
import org.meetingportal.account.PasswordHasher;
import org.meetingportal.account.SignInThrottleService;
import org.meetingportal.account.ThrottleKey;
import org.meetingportal.meeting.Admission;
import org.meetingportal.meeting.Guest;
import org.meetingportal.meeting.Meeting;
import org.meetingportal.meeting.MeetingPhase;
import org.meetingportal.meeting.MeetingStatus;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FieldProblems;
import org.meetingportal.platform.IpAddresses;
import org.meetingportal.platform.RetryLaterException;
import org.meetingportal.platform.SecurityLog;
import org.meetingportal.platform.StartupOrder;
import org.meetingportal.room.RoomService;
import org.meetingportal.security.GuestPass;
import org.meetingportal.security.PasswordAttempts;

/**
 * Guest links and the guests who come through them. A wrong link, a wrong passcode, a revoked link and one past
 * its end get one answer, and each attempt is counted as a sign-in is: per link and address, per link, and per
 * address (an IPv6 address by its network). Someone a host turned away does not come back through the same link
 * from the same address.
 */
@ApplicationScoped
@Transactional
public class GuestService {

    public static final String SETTING = "PORTAL_GUESTS";

    static final int PASSCODE_DIGITS = 8;
    private static final int USER_ID_RANDOM = 20;
    private static final char[] USER_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(GuestService.class.getName());

    /** A guest, as the session starting now holds them. */
    public record Entered(Account guest, GuestPass pass) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Configuration configuration;

    @Inject
    RoomService room;

    @Inject
    SignInThrottleService throttle;

    private final PasswordHasher hasher = new PasswordHasher();
    private volatile String unknownLinkHash;
    private Boolean allowed;

    /** Reads the setting at start, so that a mistyped one stops the deployment with its name. */
    void check(@Observes @Priority(StartupOrder.SCHEMA) @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(() -> "Guests: " + (allowed() ? "on" : "off") + " (" + SETTING + ")");
    }

    /** Whether the company lets people invite guests: {@code PORTAL_GUESTS=on|off}, on when unset. */
    public boolean allowed() {
        if (allowed == null) {
            allowed = allowed(configuration);
        }
        return allowed;
    }

    static boolean allowed(Configuration configuration) {
        String value = configuration.text(SETTING).orElse("on");
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalStateException(SETTING + " must be on or off, but is '" + value + "'");
        };
    }

    /** A new guest link for a meeting that has not ended, made by one of its hosts; the older one stops working. */
    public GuestInvitation invite(long meetingId, Account host, String linkBase) {
        requireAllowed();
        Admission admission = room.requireHost(meetingId, host);
        if (admission.state() == MeetingPhase.ENDED || admission.state() == MeetingPhase.CANCELLED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "guest.meetingOver");
        }
        // One live link a meeting, however many hosts ask at once.
        em.find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        em.createNamedQuery(GuestLink.REVOKE_ALL).setParameter("now", now).setParameter("meeting", meetingId)
                .executeUpdate();
        String token = token();
        String passcode = passcode();
        em.persist(new GuestLink(meetingId, sha256(token), hasher.hash(passcode), host.username(), now,
                admission.endsAt()));
        room.recordGuestLink(meetingId, host);
        SecurityLog.event("guest_link_made", "user", host.username(), "meeting", meetingId);
        return new GuestInvitation(linkBase + "/guest.xhtml#" + token, passcode, admission.endsAt());
    }

    /**
     * Lets a guest in with the link's token, its passcode and a name: a new guest of the link's meeting, who will
     * wait in its waiting room.
     */
    public Entered enter(String token, String passcode, String displayName, String address) {
        requireAllowed();
        FieldProblems problems = new FieldProblems();
        AccountRules.checkDisplayName(displayName, problems);
        problems.throwIfAny();
        String tokenHash = sha256(token == null ? "" : token);
        String link = "link:" + tokenHash.substring(0, 16);
        // As for sign-ins, an IPv6 client counts by its network: it cannot escape by taking a new address.
        String network = IpAddresses.limitedNetwork(address);
        List<ThrottleKey> keys = List.of(ThrottleKey.pair(link, network), ThrottleKey.account(link),
                ThrottleKey.address(network));
        Optional<Duration> pause = throttle.pause(keys);
        if (pause.isPresent()) {
            SecurityLog.event("guest_enter_paused", "link", link, "address", address);
            long seconds = Math.max(1, pause.get().toSeconds());
            PasswordAttempts.Wait wait = PasswordAttempts.Wait.of("guest.paused", seconds);
            throw new RetryLaterException(seconds, wait.key(), wait.amount());
        }
        Instant now = clock.instant();
        GuestLink found = em.createNamedQuery(GuestLink.FIND_BY_TOKEN, GuestLink.class).setParameter("hash", tokenHash)
                .getResultStream().findFirst().orElse(null);
        String code = passcode == null ? "" : passcode.strip();
        // The passcode is checked even for a link that does not exist, so that both take as long.
        boolean right = hasher.verify(code, found == null ? unknownLinkHash() : found.getPasscodeHash())
                && found != null && !found.isRevoked();
        Meeting meeting = right ? em.find(Meeting.class, found.getMeetingId()) : null;
        // A link works until its meeting is over, however the meeting was moved since the link was made.
        if (!right || meeting == null || meeting.getStatus() != MeetingStatus.SCHEDULED
                || !now.isBefore(meeting.getEndsAt())) {
            try {
                throttle.recordFailure(keys);
            } catch (RuntimeException firstCounterRace) {
                // Two first failures for the same counter raced to insert its row; the row exists now.
                throttle.recordFailure(keys);
            }
            SecurityLog.event("guest_enter_fail", "link", link, "address", address);
            throw new DomainException(DomainException.Kind.FORBIDDEN, "guest.refused");
        }
        List<String> before = em.createNamedQuery(Guest.FIND_BY_LINK, Guest.class).setParameter("link", found.getId())
                .getResultStream().filter(g -> IpAddresses.limitedNetwork(g.getAddress()).equals(network))
                .map(Guest::getUserId).toList();
        if (room.anyTurnedAway(meeting.getId(), before)) {
            SecurityLog.event("guest_enter_turned_away", "link", link, "address", address, "meeting", meeting.getId());
            throw new DomainException(DomainException.Kind.FORBIDDEN, "guest.turnedAway");
        }
        String name = displayName.strip();
        Guest guest = new Guest(AccountRules.GUEST_PREFIX + randomPart(), meeting.getId(), found.getId(), name, address, now);
        em.persist(guest);
        SecurityLog.event("guest_enter", "user", guest.getUserId(), "meeting", meeting.getId(), "address", address);
        return new Entered(Account.guest(guest.getUserId(), name), new GuestPass(meeting.getId(), found.getId(), name));
    }

    private void requireAllowed() {
        if (!allowed()) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "guest.off");
        }
    }

    private String unknownLinkHash() {
        if (unknownLinkHash == null) {
            unknownLinkHash = hasher.hash(passcode());
        }
        return unknownLinkHash;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String passcode() {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < PASSCODE_DIGITS; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    private static String randomPart() {
        char[] part = new char[USER_ID_RANDOM];
        for (int i = 0; i < part.length; i++) {
            part[i] = USER_ID_CHARS[RANDOM.nextInt(USER_ID_CHARS.length)];
        }
        return new String(part);
    }
}
