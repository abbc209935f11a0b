package org.meetingportal.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meetingportal.account.Role;
import org.meetingportal.platform.Configuration;

class CompanySignInTest {

    private final Map<String, String> settings = new HashMap<>();

    private CompanySignIn companySignIn() {
        CompanySignIn companySignIn = new CompanySignIn();
        companySignIn.configuration = new Configuration(settings::get);
        companySignIn.clock = Clock.systemUTC();
        return companySignIn;
    }

    private void provider(String localSignIn) {
        settings.put(ProviderSettings.ISSUER, "https://login.example.com/realms/staff");
        settings.put(ProviderSettings.CLIENT_ID, "meeting-portal");
        settings.put(ProviderSettings.CLIENT_SECRET, "secret");
        settings.put(ProviderSettings.ADMIN_GROUP, "portal-admins");
        settings.put(ProviderSettings.LOCAL_SIGN_IN, localSignIn);
        settings.put(Configuration.PUBLIC_URL, "https://meet.example.com/");
    }

    private static ProviderIdentity member(String... groups) {
        return new ProviderIdentity("https://login.example.com/realms/staff", "sub", "ann", "Ann", "ann@example.com",
                List.of(groups), new ProviderIdentity.ProviderTokens("id", null, Instant.now()));
    }

    @Test
    void withoutAProviderEveryPasswordSignsIn() {
        CompanySignIn none = companySignIn();
        assertTrue(none.client().isEmpty());
        assertTrue(none.allowsPassword(Role.EMPLOYEE) && none.allowsPassword(Role.ADMIN));
    }

    @Test
    void adminsOnlyKeepsTheBreakGlassAdminAndOffKeepsNobody() {
        provider("admins-only");
        CompanySignIn adminsOnly = companySignIn();
        assertTrue(adminsOnly.allowsPassword(Role.ADMIN));
        assertFalse(adminsOnly.allowsPassword(Role.EMPLOYEE));
        provider("off");
        CompanySignIn off = companySignIn();
        assertFalse(off.allowsPassword(Role.ADMIN) || off.allowsPassword(Role.EMPLOYEE));
        provider("all");
        assertTrue(companySignIn().allowsPassword(Role.EMPLOYEE));
    }

    @Test
    void theAdminGroupMakesAdminsAndNothingElseDoes() {
        provider("all");
        CompanySignIn companySignIn = companySignIn();
        assertEquals(Role.ADMIN, companySignIn.roleOf(member("staff", "portal-admins")));
        assertEquals(Role.EMPLOYEE, companySignIn.roleOf(member("staff", "Portal-Admins")));
        assertEquals(Role.EMPLOYEE, companySignIn.roleOf(member()));
        settings.remove(ProviderSettings.ADMIN_GROUP);
        assertEquals(Role.EMPLOYEE, companySignIn().roleOf(member("portal-admins")), "no admin group: no admins");
    }
}
