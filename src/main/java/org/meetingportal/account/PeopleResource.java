package org.meetingportal.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /api/people?q=}: colleagues by name, for whoever plans a meeting: the username and the name everyone
 * sees in a room, of active accounts only, and nothing an admin alone may read (no e-mail, no role).
 */
@Path("people")
@RequestScoped
@RolesAllowed({Role.Names.ADMIN, Role.Names.EMPLOYEE})
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    static final int MAX = 20;
    static final int MAX_QUERY = 100;

    /** A colleague as the meeting form's picker shows them. */
    public record PersonEntry(String username, String displayName) {
    }

    @Inject
    AccountService accounts;

    @GET
    public List<PersonEntry> find(@QueryParam("q") String query) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.length() > MAX_QUERY) {
            text = text.substring(0, MAX_QUERY);
        }
        return accounts.accounts(accounts.usernamesMatching(text, MAX * 2)).values().stream()
                .filter(Account::enabled)
                .map(a -> new PersonEntry(a.username(), a.displayName()))
                .sorted(Comparator.comparing(PersonEntry::displayName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(PersonEntry::username))
                .limit(MAX).toList();
    }
}
