package org.meetingportal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.meetingportal.account.Account;
import org.meetingportal.meeting.Admission;
import org.meetingportal.meeting.MeetingService;
import org.meetingportal.meeting.MeetingState;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.Page;
import org.meetingportal.platform.RetryLaterException;

/**
 * Issues TRTC credentials: to the signed-in person only (their username is the userId, whatever the client
 * says), for a meeting they take part in, inside its join window, at most so many times a minute, with the
 * privileges their role allows, and records every one. Issuing writes nothing but the audit row; the
 * per-minute count is kept by a {@link CredentialRateLimiter}.
 */
@ApplicationScoped
@Transactional
public class CredentialService {

    static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

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

    public Credential issue(long meetingId, Account person, String clientAddress) {
        TrtcSettings.Application application = settings.application()
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAVAILABLE, "credentials.notConfigured"));
        Admission admission = meetings.admission(meetingId, person);
        if (admission.state() == MeetingState.UPCOMING) {
            throw new DomainException(DomainException.Kind.CONFLICT, "credentials.notOpenYet",
                    admission.opensAt().toString());
        }
        if (admission.state() == MeetingState.ENDED) {
            throw new DomainException(DomainException.Kind.CONFLICT, "credentials.ended");
        }
        Instant now = clock.instant();
        checkRate(person.username(), now);

        int privileges = Privileges.of(admission.role(), admission.attendeeRights());
        Duration userSigLifetime = configuration.userSigLifetime();
        Duration keyLifetime = configuration.privateMapKeyLifetime();
        CredentialIssuer.Signed signed = new CredentialIssuer(application)
                .sign(person.username(), admission.roomId(), privileges, userSigLifetime, keyLifetime);
        Instant userSigExpiresAt = now.plus(userSigLifetime);
        Instant expiresAt = now.plus(keyLifetime.compareTo(userSigLifetime) < 0 ? keyLifetime : userSigLifetime);
        // The audit row is the record of every issue (refusals go to the security log); it commits with
        // this transaction, before the credential is answered.
        em.persist(new CredentialGrant(person.username(), meetingId, admission.role(), privileges, now, expiresAt,
                userSigExpiresAt, clientAddress));
        return new Credential(application.sdkAppId(), person.username(), signed.userSig(), admission.roomId(),
                signed.privateMapKey(), privileges, admission.role(), expiresAt, userSigExpiresAt);
    }

    /** The audit, newest first, optionally for one user and one meeting. */
    public Page<CredentialGrant> audit(String username, Long meetingId, int page, int size) {
        String user = username == null || username.isBlank() ? null : username.strip();
        List<CredentialGrant> items = em.createNamedQuery(CredentialGrant.SEARCH, CredentialGrant.class)
                .setParameter("username", user).setParameter("meetingId", meetingId)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createNamedQuery(CredentialGrant.COUNT_SEARCH, Long.class)
                .setParameter("username", user).setParameter("meetingId", meetingId).getSingleResult();
        return new Page<>(items, page, size, total);
    }

    private void checkRate(String username, Instant now) {
        int limit = configuration.credentialRatePerMinute();
        Duration wait = rateLimiter.acquire(username, now, limit, RATE_WINDOW);
        if (!wait.isZero()) {
            throw new RetryLaterException(wait.toSeconds() + 1, "credentials.tooMany", limit);
        }
    }
}
