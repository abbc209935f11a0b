package org.meetingportal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The person behind the current request, as the authentication mechanism found them; pages use it as
 * {@code #{currentUser}}.
 */
@Named
@RequestScoped
public class CurrentUser {

    public static final String BROWSER_ZONE_COOKIE = "portal_tz";
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final String ATTRIBUTE = CurrentUser.class.getName();

    @Inject
    HttpServletRequest request;

    /** For the authentication mechanism, and for whoever changed the account during the request. */
    public static void attach(HttpServletRequest request, Account account) {
        request.setAttribute(ATTRIBUTE, account);
    }

    public static Optional<Account> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Account account ? Optional.of(account) : Optional.empty();
    }

    public Optional<Account> account() {
        return of(request);
    }

    public boolean isSignedIn() {
        return account().isPresent();
    }

    /** A guest of one meeting, whose pages show that meeting and nothing of the company's. */
    public boolean isGuest() {
        return account().map(Account::isGuest).orElse(false);
    }

    public boolean isAdmin() {
        return account().map(Account::isAdmin).orElse(false);
    }

    public boolean isMustChangePassword() {
        return account().map(Account::mustChangePassword).orElse(false);
    }

    /** Whether the person signs in through the company's provider, and so has no password here. */
    public boolean isFromProvider() {
        return account().map(Account::fromProvider).orElse(false);
    }

    public String getUsername() {
        return account().map(Account::username).orElse(null);
    }

    public String getDisplayName() {
        return account().map(Account::displayName).orElse(null);
    }

    /**
     * The zone this person sees times in: their chosen one, else the one their browser reported (the
     * {@value #BROWSER_ZONE_COOKIE} cookie that portal.js sets), else UTC.
     */
    public ZoneId zone() {
        Optional<ZoneId> chosen = account().map(Account::timeZone).flatMap(CurrentUser::parseZone);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        return browserZone().orElse(UTC);
    }

    /** The zone the browser reported, if it did and it is a real one. */
    public Optional<ZoneId> browserZone() {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (BROWSER_ZONE_COOKIE.equals(cookie.getName())) {
                return parseZone(URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    public String getZoneId() {
        return zone().getId();
    }

    public static Optional<ZoneId> parseZone(String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The signed-in username; only for code that runs where signing in is required. */
    public String username() {
        return account().map(Account::username).orElseThrow(() -> new IllegalStateException("not signed in"));
    }
}
