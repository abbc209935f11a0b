package org.meetingportal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.TestClock;
import org.meetingportal.meeting.ParticipantRole;
import org.meetingportal.platform.DomainException;

/** While the audit cannot be written, grants wait; once one has waited too long, credentials are refused with 503. */
class GrantRecorderTest {

    /** The audit table, up or down. */
    private static final class Audit extends CredentialAudit {
        final List<CredentialGrant> written = new ArrayList<>();
        boolean down;

        @Override
        public void record(List<CredentialGrant> grants) {
            if (down) {
                throw new IllegalStateException("the database is down");
            }
            written.addAll(grants);
        }
    }

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final Audit audit = new Audit();
    private final GrantRecorder recorder = new GrantRecorder();

    GrantRecorderTest() {
        recorder.audit = audit;
        recorder.clock = clock;
        // The timer is the server's; here the test calls write() itself.
        ScheduledFuture<?> never = (ScheduledFuture<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ScheduledFuture.class}, (proxy, method, args) -> method.getReturnType() == boolean.class);
        recorder.scheduler = (ManagedScheduledExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class}, (proxy, method, args) -> never);
        recorder.start();
    }

    private CredentialGrant grant() {
        return new CredentialGrant("li.wei", 42L, null, ParticipantRole.ATTENDEE, 171, clock.now,
                clock.now.plusSeconds(300), clock.now.plusSeconds(7200), "192.0.2.7");
    }

    @Test
    void grantsWaitWhileTheAuditIsDownAndAreRefusedOnceOneHasWaitedTooLong() {
        audit.down = true;
        recorder.record(grant());
        recorder.write();
        clock.now = clock.now.plus(GrantRecorder.PATIENCE);
        recorder.record(grant());
        clock.now = clock.now.plusMillis(1);
        DomainException refused = assertThrows(DomainException.class, () -> recorder.record(grant()));
        assertEquals(DomainException.Kind.UNAVAILABLE, refused.kind());
        assertEquals("credentials.auditUnavailable", refused.messageKey());

        audit.down = false;
        recorder.write();
        assertEquals(2, audit.written.size(), "both waiting grants, the refused one never");
        recorder.record(grant());
        recorder.stop(null);
        assertEquals(3, audit.written.size(), "the stop writes what is left");
    }
}
