package org.meetingportal.mail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.meetingportal.account.Role;

/**
 * {@code /api/mail}, for admins: whether the portal sends e-mail, how many messages wait, went out or were given
 * up on, and the latest that wait or were given up on, each with the SMTP server's last answer.
 */
@Path("mail")
@RequestScoped
@RolesAllowed(Role.Names.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class MailResource {

    static final int RECENT = 100;

    /** One message as admins see it: to whom about what, and what became of it, without its text. */
    public record MessageEntry(long id, String username, String recipient, String changeKey, String subject,
            OutboxMessage.State state, int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt,
            String lastError) {

        static MessageEntry of(OutboxMessage m) {
            return new MessageEntry(m.getId(), m.getUsername(), m.getRecipient(), m.getChangeKey(), m.getSubject(),
                    m.getState(), m.getAttempts(), m.getCreatedAt(), m.getNextAttemptAt(), m.getSentAt().orElse(null),
                    m.getLastError().orElse(null));
        }
    }

    public record Outbox(boolean enabled, Map<OutboxMessage.State, Long> counts, List<MessageEntry> unsent) {
    }

    @Inject
    MailOutbox outbox;

    @GET
    public Outbox outbox() {
        return new Outbox(outbox.enabled(), outbox.counts(),
                outbox.recent(List.of(OutboxMessage.State.PENDING, OutboxMessage.State.FAILED), RECENT).stream()
                        .map(MessageEntry::of).toList());
    }
}
