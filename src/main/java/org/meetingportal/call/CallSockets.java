package org.meetingportal.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.meetingportal.account.Account;
import org.meetingportal.security.SessionCheck;
import org.meetingportal.security.SignedInUser;

/**
 * The call sockets open on this node, each with the sign-in it was opened under. A socket lives as long as
 * its page, long past the request that opened it, so it is held to the session rule of requests again and
 * again: a password or role change, a disabled account or the session's age limit ends it as well.
 */
@ApplicationScoped
public class CallSockets {

    private record Open(Session session, SignedInUser signedIn) {
    }

    @Inject
    CallService calls;

    @Inject
    SessionCheck sessionCheck;

    private final Map<String, Open> open = new ConcurrentHashMap<>();

    void opened(Session session, SignedInUser signedIn) {
        open.put(session.getId(), new Open(session, signedIn));
        if (!session.isOpen()) {
            // closed before it was noted: its close() has come and gone
            open.remove(session.getId());
        }
    }

    void closed(Session session) {
        open.remove(session.getId());
    }

    /** Closes every socket whose session no longer signs its person in; one read of the accounts for all. */
    void checkSessions() {
        if (open.isEmpty()) {
            return;
        }
        Map<String, Account> accounts = calls.accounts(open.values().stream().map(o -> o.signedIn().username())
                .distinct().toList());
        for (Open socket : open.values()) {
            SignedInUser user = socket.signedIn();
            Optional<SignedInUser.Ending> ending = sessionCheck.ending(user,
                    () -> Optional.ofNullable(accounts.get(user.username())));
            if (ending.isPresent()) {
                open.remove(socket.session().getId());
                close(socket.session(), "session " + ending.get().name().toLowerCase());
            }
        }
    }

    static void close(Session session, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
        } catch (IOException | IllegalStateException alreadyClosed) {
            // gone either way
        }
    }
}
