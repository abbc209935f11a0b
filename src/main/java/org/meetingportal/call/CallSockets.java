package org.meetingportal.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountRules;
import org.meetingportal.security.GuestDoor;
import org.meetingportal.security.SessionCheck;
import org.meetingportal.security.SignedInUser;

/**
 * The call sockets open on this node, each with the sign-in it was opened under. A socket lives as long as
 * its page, long past the request that opened it, so it is held to the session rule of requests again and
 * again: a password or role change, a disabled account or the session's age limit ends it as well. Each
 * socket costs the server memory and a share of every presence change, so a person has only so many.
 */
@ApplicationScoped
public class CallSockets {

    /** Enough for a person's tabs and devices; each further page closes their oldest. */
    static final int MAX_PER_PERSON = 5;

    static final String TOO_MANY = "too many pages";

    private record Open(Session session, SignedInUser signedIn) {
    }

    @Inject
    CallService calls;

    @Inject
    SessionCheck sessionCheck;

    @Inject
    GuestDoor guests;

    /** Per person, their open sockets by id, oldest first. */
    private final Map<String, LinkedHashMap<String, Open>> open = new HashMap<>();

    void opened(Session session, SignedInUser signedIn) {
        Session oldest = null;
        synchronized (this) {
            Map<String, Open> theirs = open.computeIfAbsent(signedIn.username(), u -> new LinkedHashMap<>());
            theirs.put(session.getId(), new Open(session, signedIn));
            if (theirs.size() > MAX_PER_PERSON) {
                Iterator<Open> first = theirs.values().iterator();
                oldest = first.next().session();
                first.remove();
            }
        }
        if (oldest != null) {
            close(oldest, TOO_MANY);
        }
        if (!session.isOpen()) {
            // closed before it was noted: its close() has come and gone
            closed(session, signedIn.username());
        }
    }

    synchronized void closed(Session session, String username) {
        Map<String, Open> theirs = open.get(username);
        if (theirs != null) {
            theirs.remove(session.getId());
            if (theirs.isEmpty()) {
                open.remove(username);
            }
        }
    }

    /** Closes every socket whose session no longer signs its person in; one read of the accounts for all. */
    void checkSessions() {
        List<Open> all;
        synchronized (this) {
            all = open.values().stream().flatMap(m -> m.values().stream()).toList();
        }
        if (all.isEmpty()) {
            return;
        }
        Map<String, Account> accounts = calls.accounts(all.stream().map(o -> o.signedIn().username())
                .filter(u -> !AccountRules.isGuest(u)).distinct().toList());
        for (Open socket : all) {
            SignedInUser user = socket.signedIn();
            Optional<SignedInUser.Ending> ending = sessionCheck.ending(user, user.isGuest()
                    ? () -> guests.welcome(user.username(), user.guest())
                    : () -> Optional.ofNullable(accounts.get(user.username())));
            if (ending.isPresent()) {
                closed(socket.session(), user.username());
                close(socket.session(), "session " + ending.get().name().toLowerCase());
            }
        }
    }

    static void close(Session session, String reason) {
        if (session.getUserProperties().get(CallSocket.PAGE) instanceof SocketConnection page) {
            // Off this thread: a close writes, and a page that reads nothing would keep it waiting.
            page.cutOff(CloseReason.CloseCodes.VIOLATED_POLICY, reason);
            return;
        }
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
        } catch (IOException | IllegalStateException alreadyClosed) {
            // gone either way
        }
    }
}
