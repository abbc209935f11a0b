package org.meetingportal.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.meetingportal.account.Account;
import org.meetingportal.platform.SecurityLog;
import org.meetingportal.provider.ProviderIdentity;

/** Starting, reading, renewing and ending the HTTP session that carries a sign-in. */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sessions() {
    }

    public static Optional<SignedInUser> signedIn(HttpServletRequest request) {
        return signedIn(request.getSession(false));
    }

    /** The sign-in an HTTP session holds, e.g. the one a WebSocket handshake came with; null for none. */
    public static Optional<SignedInUser> signedIn(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((SignedInUser) session.getAttribute(SignedInUser.ATTRIBUTE));
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    /** A fresh session id for a fresh sign-in, so that an id planted before it is worth nothing after it. */
    static SignedInUser start(HttpServletRequest request, Account account, Instant now, int idleMinutes) {
        return start(request, account, now, idleMinutes, null);
    }

    /** The same for a sign-in through the company's provider, whose tokens the session keeps. */
    static SignedInUser start(HttpServletRequest request, Account account, Instant now, int idleMinutes,
            ProviderIdentity.ProviderTokens provider) {
        SignedInUser user = new SignedInUser(account.username(), account.sessionGeneration(), now, newToken(), provider);
        freshSession(request, idleMinutes).setAttribute(SignedInUser.ATTRIBUTE, user);
        return user;
    }

    /**
     * A guest's session for one meeting, under a fresh id: whatever the browser held before (an earlier guest
     * pass) is replaced.
     */
    public static SignedInUser startGuest(HttpServletRequest request, String userId, GuestPass pass, Instant now,
            int idleMinutes) {
        SignedInUser guest = new SignedInUser(userId, 0, now, newToken(), null, pass);
        freshSession(request, idleMinutes).setAttribute(SignedInUser.ATTRIBUTE, guest);
        return guest;
    }

    private static HttpSession freshSession(HttpServletRequest request, int idleMinutes) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            session = request.getSession(true);
        } else {
            request.changeSessionId();
        }
        session.setMaxInactiveInterval(idleMinutes * 60);
        return session;
    }

    /**
     * Keeps this session signed in after the person changed their password (which ended all their sessions):
     * it moves to the new generation under a new id.
     */
    public static void adopt(HttpServletRequest request, Account account) {
        signedIn(request).ifPresent(user -> {
            request.changeSessionId();
            request.getSession().setAttribute(SignedInUser.ATTRIBUTE, user.withGeneration(account.sessionGeneration()));
        });
    }

    /** The provider's new tokens after a refresh, kept in the session for the next one. */
    static void refreshed(HttpServletRequest request, ProviderIdentity.ProviderTokens tokens) {
        signedIn(request).ifPresent(user -> request.getSession().setAttribute(SignedInUser.ATTRIBUTE,
                user.withProvider(tokens)));
    }

    /** Signs out: the container forgets the caller and the session with everything in it is gone. */
    public static void end(HttpServletRequest request) {
        Optional<SignedInUser> user = signedIn(request);
        try {
            request.logout();
        } catch (ServletException e) {
            // The session below is what holds the sign-in; invalidating it is enough.
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // nothing left to end
            }
        }
        user.ifPresent(u -> SecurityLog.event("session_logout", "user", u.username()));
    }

    private static String newToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }
}
