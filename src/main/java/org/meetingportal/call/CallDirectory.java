package org.meetingportal.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountService;

/** Colleagues to call: active accounts other than oneself, found by name, those reachable now first. */
@ApplicationScoped
public class CallDirectory {

    static final int MAX = 50;
    static final int MAX_QUERY = 100;

    @Inject
    AccountService accounts;

    @Inject
    CallHub hub;

    public List<Colleague> find(String viewer, String query) {
        String text = query == null ? "" : query.strip();
        if (text.length() > MAX_QUERY) {
            text = text.substring(0, MAX_QUERY);
        }
        Map<String, Account> found = accounts.accounts(accounts.usernamesMatching(text, MAX * 2));
        return found.values().stream()
                .filter(a -> a.enabled() && !a.username().equals(viewer))
                .map(a -> new Colleague(a.username(), a.displayName(), hub.presence(a.username())))
                .sorted(Comparator.comparing((Colleague c) -> c.presence() == Presence.OFFLINE)
                        .thenComparing(Colleague::displayName, String.CASE_INSENSITIVE_ORDER))
                .limit(MAX).toList();
    }
}
