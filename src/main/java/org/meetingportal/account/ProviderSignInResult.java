package org.meetingportal.account;

/** What a sign-in through the company's provider comes to on the portal's side. */
public sealed interface ProviderSignInResult {

    /** Signed in, to the account the provider's link names, made now if {@code created}. */
    record SignedIn(Account account, boolean created) implements ProviderSignInResult {
    }

    /** Not signed in, for a reason the person's page explains and the security log records. */
    record Refused(Why why, String username) implements ProviderSignInResult {
    }

    enum Why {
        /** Disabled in the portal: the provider cannot enable it. */
        DISABLED,
        /** The provider's {@code preferred_username} cannot become a userId. */
        NAME_UNUSABLE,
        /** Another account, local or another provider account, already has the name: never merged. */
        NAME_TAKEN
    }
}
