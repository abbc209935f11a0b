package org.meetingportal.security;

import java.util.Optional;
import org.meetingportal.account.Account;

/**
 * Asked on each request and now and then for each socket of a guest: whether their pass still lets them in.
 * It no longer does once the meeting has ended or was cancelled, a host turned them away, or their link was
 * revoked or has expired. Kept by the guests' feature, which the sign-in cannot depend on.
 */
public interface GuestDoor {

    /** The guest as an account of role GUEST while the pass holds; empty once it does not. Never throws for that. */
    Optional<Account> welcome(String userId, GuestPass pass);
}
