package org.meetingportal.account;

/** An admin's edit of an account, based on the {@code version} the admin read. */
public record UserChanges(String displayName, String email, Role role, Long version) {
}
