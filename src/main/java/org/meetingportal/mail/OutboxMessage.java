package org.meetingportal.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * An e-mail waiting to be sent, sent, or given up on; written by {@link MailOutbox#post}. A node takes a due one
 * by writing its claim and moving {@code nextAttemptAt} on by a lease; its Message-ID is fixed when it is written,
 * so that a message sent again after a node died with it in hand is known by readers' mail programs as the same one.
 */
@Entity
@Table(name = "outbox_message")
@NamedQuery(name = OutboxMessage.FIND_DUE, query = "select m.id from OutboxMessage m where m.state ="
        + " org.meetingportal.mail.OutboxMessage.State.PENDING and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id")
@NamedQuery(name = OutboxMessage.CLAIM, query = "update OutboxMessage m set m.claim = :claim, m.nextAttemptAt = :lease,"
        + " m.attempts = m.attempts + 1 where m.id in :ids and m.nextAttemptAt <= :now and m.state ="
        + " org.meetingportal.mail.OutboxMessage.State.PENDING")
@NamedQuery(name = OutboxMessage.FIND_CLAIMED, query = "select m from OutboxMessage m where m.claim = :claim order by m.id")
@NamedQuery(name = OutboxMessage.FIND_KNOWN, query = "select m.changeKey, m.username from OutboxMessage m"
        + " where m.changeKey in :keys and m.username in :usernames")
@NamedQuery(name = OutboxMessage.MARK_SENT, query = "update OutboxMessage m set m.state ="
        + " org.meetingportal.mail.OutboxMessage.State.SENT, m.sentAt = :now, m.claim = null, m.lastError = null"
        + " where m.id in :ids")
@NamedQuery(name = OutboxMessage.FIND_RECENT, query = "select m from OutboxMessage m where m.state in :states"
        + " order by m.id desc")
@NamedQuery(name = OutboxMessage.COUNT_STATE, query = "select m.state, count(m) from OutboxMessage m group by m.state")
public class OutboxMessage {

    public static final String FIND_DUE = "OutboxMessage.findDue";
    public static final String CLAIM = "OutboxMessage.claim";
    public static final String FIND_CLAIMED = "OutboxMessage.findClaimed";
    public static final String FIND_KNOWN = "OutboxMessage.findKnown";
    public static final String MARK_SENT = "OutboxMessage.markSent";
    public static final String FIND_RECENT = "OutboxMessage.findRecent";
    public static final String COUNT_STATE = "OutboxMessage.countState";

    public enum State {
        PENDING, SENT, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "change_key", nullable = false, updatable = false, length = 200)
    private String changeKey;

    @Column(nullable = false, updatable = false, length = 32)
    private String username;

    @Column(nullable = false, updatable = false, length = 254)
    private String recipient;

    @Column(name = "message_id", nullable = false, updatable = false, length = 200)
    private String messageId;

    @Column(nullable = false, updatable = false, length = 400)
    private String subject;

    @Column(nullable = false, updatable = false, length = 20000)
    private String body;

    @Column(updatable = false, length = 1000000)
    private String calendar;

    @Column(name = "calendar_method", updatable = false, length = 16)
    private String calendarMethod;

    @Column(name = "calendar_name", updatable = false, length = 120)
    private String calendarName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(length = 40)
    private String claim;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    protected OutboxMessage() {
    }

    /** Not taken this time; tried again at {@code retryAt}, or never when that is null. */
    void failed(String error, Instant retryAt) {
        lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        claim = null;
        if (retryAt == null) {
            state = State.FAILED;
        } else {
            nextAttemptAt = retryAt;
        }
    }

    public Long getId() {
        return id;
    }

    public String getChangeKey() {
        return changeKey;
    }

    public String getUsername() {
        return username;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Optional<String> getCalendar() {
        return Optional.ofNullable(calendar);
    }

    public String getCalendarMethod() {
        return calendarMethod;
    }

    public String getCalendarName() {
        return calendarName;
    }

    public State getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Optional<Instant> getSentAt() {
        return Optional.ofNullable(sentAt);
    }

    public Optional<String> getLastError() {
        return Optional.ofNullable(lastError);
    }
}
