package org.meetingportal.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One message to everyone in a meeting's room, with its sender's name as it was when they wrote. */
@Entity
@Table(name = "chat_message")
@NamedQuery(name = ChatMessage.FIND, query = "select m from ChatMessage m where m.meetingId = :meeting order by m.id")
@NamedQuery(name = ChatMessage.COUNT_SINCE, query = "select count(m) from ChatMessage m where m.meetingId = :meeting"
        + " and m.sender = :sender and m.sentAt > :since")
@NamedQuery(name = ChatMessage.DELETE, query = "delete from ChatMessage m where m.meetingId = :meeting")
public class ChatMessage {

    public static final String FIND = "ChatMessage.find";
    public static final String COUNT_SINCE = "ChatMessage.countSince";
    public static final String DELETE = "ChatMessage.delete";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id", nullable = false, updatable = false)
    private long meetingId;

    @Column(nullable = false, updatable = false, length = 32)
    private String sender;

    @Column(name = "sender_name", nullable = false, updatable = false, length = 100)
    private String senderName;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    @Column(nullable = false, updatable = false, length = 4000)
    private String body;

    protected ChatMessage() {
    }

    ChatMessage(long meetingId, String sender, String senderName, Instant sentAt, String body) {
        this.meetingId = meetingId;
        this.sender = Objects.requireNonNull(sender);
        this.senderName = Objects.requireNonNull(senderName);
        this.sentAt = Objects.requireNonNull(sentAt);
        this.body = Objects.requireNonNull(body);
    }

    ChatEntry entry() {
        return new ChatEntry(id, sender, senderName, sentAt, body);
    }

    public Long getId() {
        return id;
    }

    public long getMeetingId() {
        return meetingId;
    }

    public String getSender() {
        return sender;
    }

    public String getSenderName() {
        return senderName;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getBody() {
        return body;
    }
}
