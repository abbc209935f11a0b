package org.meetingportal.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.meetingportal.account.Account;
import org.meetingportal.account.AdminOnly;
import org.meetingportal.meeting.Meeting;
import org.meetingportal.meeting.MeetingService;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.Messages;
import org.meetingportal.platform.RetryLaterException;
import org.meetingportal.platform.SecurityLog;
import org.meetingportal.room.RoomMember;
import org.meetingportal.room.RoomService;
import org.meetingportal.room.RoomSignals;

/**
 * A meeting's chat: who may write and read it, its order, and its pace. Messages are written one at a time per
 * meeting (under the meeting's row lock), so that their ids follow the order they were committed in, which every
 * page on every node then shows, and so that the pace is counted exactly.
 */
@ApplicationScoped
@Transactional
public class ChatService {

    /** At most this many messages from one person in one meeting within {@link #PACE_WINDOW}. */
    static final int PACE_LIMIT = 10;
    static final Duration PACE_WINDOW = Duration.ofSeconds(10);
    /** A new message: {@code detail} is the message. */
    static final String MESSAGE = "chat";
    /** An admin deleted the meeting's chat: pages empty their panels. */
    static final String CLEARED = "chat-cleared";

    private static final DateTimeFormatter TRANSCRIPT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @PersistenceContext
    EntityManager em;

    @Inject
    RoomService room;

    @Inject
    RoomSignals signals;

    @Inject
    MeetingService meetings;

    @Inject
    AdminOnly admins;

    @Inject
    Clock clock;

    /**
     * Writes to everyone in the room, for someone in it now: hosts and co-hosts always, attendees unless a host
     * closed the chat to them.
     */
    public ChatEntry send(long meetingId, Account sender, String text) {
        String body = ChatText.checked(text);
        RoomMember member = room.member(meetingId, sender);
        Meeting meeting = em.find(Meeting.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (meeting.isChatClosed() && !member.runsRoom()) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "chat.closed");
        }
        Instant now = clock.instant();
        long recent = em.createNamedQuery(ChatMessage.COUNT_SINCE, Long.class).setParameter("meeting", meetingId)
                .setParameter("sender", member.userId()).setParameter("since", now.minus(PACE_WINDOW)).getSingleResult();
        if (recent >= PACE_LIMIT) {
            throw new RetryLaterException(PACE_WINDOW.toSeconds(), "chat.tooFast");
        }
        ChatMessage message = new ChatMessage(meetingId, member.userId(), member.displayName(), now, body);
        em.persist(message);
        em.flush();
        ChatEntry entry = message.entry();
        signals.toEveryone(meetingId, MESSAGE, entry.json());
        return entry;
    }

    /** Everything said in the meeting's room so far, for those who may read it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChatView chat(long meetingId, Account reader) {
        room.requireReader(meetingId, reader);
        boolean closed = em.find(Meeting.class, meetingId).isChatClosed();
        boolean mayWrite;
        try {
            RoomMember member = room.member(meetingId, reader);
            mayWrite = !closed || member.runsRoom();
        } catch (DomainException notInTheRoomNow) {
            mayWrite = false;
        }
        return new ChatView(closed, mayWrite, messages(meetingId));
    }

    /** The chat as plain text, in the reader's language and time zone, for keeping after the meeting. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String transcript(long meetingId, Account reader, Locale locale) {
        room.requireReader(meetingId, reader);
        String title = meetings.find(meetingId, reader).title();
        ZoneId zone = reader.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(reader.timeZone());
        StringBuilder text = new StringBuilder()
                .append(Messages.text(locale, "chat.transcript.title", title)).append('\n')
                .append(Messages.text(locale, "chat.transcript.zone", zone.getId())).append("\n\n");
        for (ChatEntry message : messages(meetingId)) {
            text.append(TRANSCRIPT_TIME.format(message.sentAt().atZone(zone))).append("  ")
                    .append(message.displayName()).append(": ")
                    .append(message.text().replace("\n", "\n    ")).append('\n');
        }
        return text.toString();
    }

    /** Deletes everything said in a meeting's room, for admins; pages still in it empty their panels. */
    public int delete(long meetingId, Account admin) {
        admins.require();
        meetings.find(meetingId, admin);
        int deleted = em.createNamedQuery(ChatMessage.DELETE).setParameter("meeting", meetingId).executeUpdate();
        SecurityLog.event("chat_deleted", "meeting", meetingId, "by", admin.username(), "messages", deleted);
        signals.toEveryone(meetingId, CLEARED, Json.createObjectBuilder().add("deleted", deleted).build());
        return deleted;
    }

    private List<ChatEntry> messages(long meetingId) {
        return em.createNamedQuery(ChatMessage.FIND, ChatMessage.class).setParameter("meeting", meetingId)
                .getResultList().stream().map(ChatMessage::entry).toList();
    }
}
