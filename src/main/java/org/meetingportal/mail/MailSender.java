package org.meetingportal.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.meetingportal.platform.Sweeper;

/**
 * Sends the outbox's due messages through the server's mail session: at once after a commit that wrote some,
 * and every few seconds for retries and for messages a stopped node had taken. Every node does this; a message
 * is sent by the node that claims it, over one SMTP connection for all it took.
 */
@ApplicationScoped
class MailSender extends Sweeper {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    static final int SWEEP_SECONDS = 2;
    private static final int BATCH = 50;
    /**
     * Where server-config binds the session: WildFly's name, then Payara's. Looked up, not referenced from
     * web.xml, so that a portal without SMTP deploys whatever the server made of an empty host.
     */
    private static final List<String> SESSIONS = List.of("java:jboss/mail/portal", "mail/portal");

    @Inject
    MailOutbox outbox;

    private volatile Session session;

    @Override
    protected String what() {
        return "e-mails in the outbox";
    }

    @Override
    protected boolean wanted() {
        return outbox.enabled();
    }

    @Override
    protected Duration interval() {
        return Duration.ofSeconds(SWEEP_SECONDS);
    }

    @Override
    protected void sweep() {
        List<OutboxMessage> taken;
        while (!stopped() && !(taken = outbox.claim(BATCH)).isEmpty()) {
            send(taken);
        }
    }

    /** Sends what this node took over one connection; each message's outcome is written as it is known. */
    private void send(List<OutboxMessage> taken) {
        List<Long> sent = new ArrayList<>();
        Set<Long> handled = new HashSet<>();
        try (Transport transport = session().getTransport("smtp")) {
            transport.connect();
            for (OutboxMessage message : taken) {
                MimeMessage mime = mime(message);
                try {
                    transport.sendMessage(mime, mime.getAllRecipients());
                    sent.add(message.getId());
                } catch (SendFailedException e) {
                    Address[] refused = e.getInvalidAddresses();
                    if (refused == null || refused.length == 0) {
                        throw e;
                    }
                    // This address will never be taken; the others are unaffected.
                    failed(message, e, true);
                }
                handled.add(message.getId());
            }
        } catch (MessagingException | RuntimeException e) {
            // The server went away or would not talk: what was not yet sent is tried again later.
            for (OutboxMessage message : taken) {
                if (!handled.contains(message.getId())) {
                    failed(message, e, false);
                }
            }
        } finally {
            if (!sent.isEmpty()) {
                outbox.sent(sent);
                LOG.fine(() -> sent.size() + " e-mails sent");
            }
        }
    }

    private void failed(OutboxMessage message, Exception e, boolean refused) {
        String error = describe(e);
        LOG.warning(() -> "E-mail " + message.getId() + " to " + message.getUsername() + " (" + message.getChangeKey()
                + "), attempt " + message.getAttempts() + (refused ? ", refused by the SMTP server: " : " failed: ")
                + error);
        outbox.failed(message.getId(), error, refused);
    }

    /** The failure with the SMTP server's own answers, which Jakarta Mail chains behind its summary. */
    static String describe(Exception e) {
        StringBuilder text = new StringBuilder();
        for (Exception next = e; next != null && text.length() < 1000;
                next = next instanceof MessagingException m ? m.getNextException() : null) {
            text.append(text.length() == 0 ? "" : "; ").append(next.getClass().getSimpleName()).append(": ")
                    .append(next.getMessage() == null ? "" : next.getMessage().strip());
        }
        return text.toString();
    }

    private Session session() throws MessagingException {
        if (session == null) {
            Session found = lookUp();
            // Jakarta Mail waits for ever by default: a server that accepts and then says nothing would hold
            // this node's sweep. Unless the server's configuration says otherwise, no step waits over 30 s.
            for (String timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
                found.getProperties().putIfAbsent("mail.smtp." + timeout, "30000");
            }
            found.getProperties().putIfAbsent("mail.smtp.socketFactory", new NoDelaySockets());
            session = found;
        }
        return session;
    }

    private static Session lookUp() throws MessagingException {
        NamingException missing = null;
        for (String name : SESSIONS) {
            try {
                return (Session) new InitialContext().lookup(name);
            } catch (NamingException e) {
                missing = e;
            }
        }
        throw new MessagingException("the server provides no mail session at " + SESSIONS, missing);
    }

    /**
     * The message as mail programs file invitations: the text and the calendar entry as alternatives (the
     * entry with its METHOD, which Outlook and Gmail act on), and the same file attached for everyone else.
     */
    MimeMessage mime(OutboxMessage message) throws MessagingException {
        String messageId = message.getMessageId();
        MimeMessage mime = new MimeMessage(session()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // The same ID on every attempt: a message sent again is the same message.
                setHeader("Message-ID", messageId);
            }
        };
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.getRecipient(), true));
        mime.setSubject(message.getSubject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(Date.from(message.getCreatedAt()));
        // The session's sender (PORTAL_MAIL_FROM).
        mime.setFrom();
        if (message.getCalendar().isEmpty()) {
            mime.setText(message.getBody(), StandardCharsets.UTF_8.name());
        } else {
            String calendar = message.getCalendar().get();
            MimeMultipart alternatives = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.getBody(), StandardCharsets.UTF_8.name());
            alternatives.addBodyPart(text);
            MimeBodyPart entry = new MimeBodyPart();
            entry.setContent(calendar, "text/calendar; charset=UTF-8; method=" + message.getCalendarMethod());
            entry.setHeader("Content-Transfer-Encoding", "base64");
            alternatives.addBodyPart(entry);
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternatives);
            MimeBodyPart file = new MimeBodyPart();
            file.setContent(calendar, "application/ics; charset=UTF-8");
            file.setHeader("Content-Transfer-Encoding", "base64");
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            file.setFileName(message.getCalendarName() + ".ics");
            MimeMultipart mixed = new MimeMultipart("mixed", body, file);
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }
}
