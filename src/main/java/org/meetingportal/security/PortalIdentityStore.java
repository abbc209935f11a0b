package org.meetingportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.meetingportal.account.Account;
import org.meetingportal.account.AccountService;

/** Checks usernames and passwords against the portal's own accounts; the account's role is its only group. */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

    @Inject
    AccountService accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return accounts.checkCredentials(login.getCaller(), login.getPasswordAsString())
                .map(PortalIdentityStore::valid)
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    private static CredentialValidationResult valid(Account account) {
        return new CredentialValidationResult(account.username(), Set.of(account.role().name()));
    }
}
