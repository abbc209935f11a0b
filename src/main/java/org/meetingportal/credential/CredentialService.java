package org.meetingportal.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.meetingportal.account.Account;
import org.meetingportal.call.CallService;
import org.meetingportal.meeting.Admission;
import org.meetingportal.room.Entrance;
import org.meetingportal.room.RoomService;
import org.meetingportal.meeting.MeetingService;
import org.meetingportal.meeting.MeetingPhase;
import org.meetingportal.meeting.ParticipantRole;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.RetryLaterException;
import org.meetingportal.trtc.TrtcSettings;

/**
 * Issues TRTC credentials: to the signed-in person only (their username is the userId, whatever the client
 * says), for a meeting they take part in, inside its join window, at most so many times a minute, with the
 * privileges their role allows, and records every one. Issuing needs no transaction of its own: the reads
 * deciding it need none, the grant goes to the audit through the {@link GrantRecorder}, and the per-minute
 * count is kept by a {@link CredentialRateLimiter}.
 */
@ApplicationScoped
public class CredentialService {

    static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    @Inject
    GrantRecorder grants;

    @Inject
    TrtcSettings settings;

    @Inject
    MeetingService meetings;

    @Inject
    Configuration configuration;

    @Inject
    Clock clock;

    @Inject
    CredentialRateLimiter rateLimiter;

    @Inject
    CallService calls;

    @Inject
    RoomService room;

    private final UserSigs userSigs = new UserSigs();

    public Credential issue(long meetingId, Account person, String clientAddress) {
        TrtcSettings.Application application = application();
        Admission admission = meetings.admission(meetingId, person);
        if (admission.state() == MeetingPhase.UPCOMING) {
            throw new DomainException(DomainException.Kind.CONFLICT, "credentials.notOpenYet",
                    admission.opensAt().toString());
        }
        if (admission.state() == MeetingPhase.ENDED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "credentials.ended");
        }
        Entrance entrance = room.enter(admission, person);
        switch (entrance.kind()) {
            case IN -> { }
            case WAITING -> throw new DomainException(DomainException.Kind.CONFLICT, "credentials.waiting");
            case WAITING_FOR_HOST -> throw new DomainException(DomainException.Kind.CONFLICT, "credentials.waitingForHost");
            case DENIED -> throw new DomainException(DomainException.Kind.FORBIDDEN, "credentials.denied");
            case REMOVED -> throw new DomainException(DomainException.Kind.FORBIDDEN, "credentials.removed");
        }
        int privileges = entrance.coHost() ? Privileges.ALL
                : Privileges.without(Privileges.of(admission.role(), admission.attendeeRights()), entrance.withheld());
        return sign(application, person, admission.roomId(), admission.role(), privileges, meetingId, null,
                clientAddress);
    }

    /**
     * A credential for a one-to-one call's room: only to its two parties, only while it runs. Both parties
     * have every right in their own call, as a meeting's hosts do.
     */
    public Credential issueForCall(long callId, Account person, String clientAddress) {
        TrtcSettings.Application application = application();
        long roomId = calls.runningRoom(callId, person);
        return sign(application, person, roomId, ParticipantRole.HOST, Privileges.ALL, null, callId, clientAddress);
    }

    private TrtcSettings.Application application() {
        return settings.application()
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAVAILABLE, "credentials.notConfigured"));
    }

    private Credential sign(TrtcSettings.Application application, Account person, long roomId, ParticipantRole role,
            int privileges, Long meetingId, Long callId, String clientAddress) {
        Instant now = clock.instant();
        checkRate(person.username(), now);
        Duration userSigLifetime = configuration.userSigLifetime();
        Duration keyLifetime = configuration.privateMapKeyLifetime();
        CredentialIssuer issuer = new CredentialIssuer(application);
        UserSigs.Issued userSig = userSigs.of(person.username(), now, userSigLifetime,
                () -> issuer.userSig(person.username(), userSigLifetime));
        String privateMapKey = issuer.privateMapKey(person.username(), roomId, privileges, keyLifetime);
        Instant keyExpiresAt = now.plus(keyLifetime);
        Instant expiresAt = keyExpiresAt.isBefore(userSig.expiresAt()) ? keyExpiresAt : userSig.expiresAt();
        // The record of every issue (refusals go to the security log); refused while the audit cannot be written.
        grants.record(new CredentialGrant(person.username(), meetingId, callId, role, privileges, now, expiresAt,
                userSig.expiresAt(), clientAddress));
        return new Credential(application.sdkAppId(), person.username(), userSig.userSig(), roomId, privateMapKey,
                privileges, role, expiresAt, userSig.expiresAt());
    }

    private void checkRate(String username, Instant now) {
        int limit = configuration.credentialRatePerMinute();
        Duration wait = rateLimiter.acquire(username, now, limit, RATE_WINDOW);
        if (!wait.isZero()) {
            throw new RetryLaterException(wait.toSeconds() + 1, "credentials.tooMany", limit);
        }
    }
}
