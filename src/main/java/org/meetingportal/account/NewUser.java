package org.meetingportal.account;

/** What an admin gives to create an account. The password is a first one that the person must replace. */
public record NewUser(String username, String displayName, String email, String password, Role role) {
}
