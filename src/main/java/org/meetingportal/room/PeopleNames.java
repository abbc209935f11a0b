package org.meetingportal.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountRules;
import org.meetingportal.account.AccountService;
import org.meetingportal.meeting.MeetingService;

/** The people of a room and the names it shows for its people, colleagues and guests alike, in two reads whatever their number. */
@ApplicationScoped
public class PeopleNames {

    @Inject
    AccountService accounts;

    @Inject
    MeetingService meetings;

    /** The person behind a userId as an account: a colleague's own, or a guest's. */
    public Optional<Account> person(String userId) {
        if (!AccountRules.isGuest(userId)) {
            return accounts.account(userId);
        }
        return Optional.ofNullable(meetings.guests(List.of(userId)).get(userId))
                .map(guest -> Account.guest(guest.getUserId(), guest.getDisplayName()));
    }

    /** Each userId's display name; a userId nobody holds any more stands for itself. */
    public Map<String, String> of(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        accounts.accounts(userIds).forEach((username, account) -> names.put(username, account.displayName()));
        meetings.guests(userIds).forEach((userId, guest) -> names.put(userId, guest.getDisplayName()));
        userIds.forEach(userId -> names.putIfAbsent(userId, userId));
        return names;
    }
}
