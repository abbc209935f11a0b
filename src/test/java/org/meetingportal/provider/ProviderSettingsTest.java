package org.meetingportal.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.meetingportal.platform.Configuration;

class ProviderSettingsTest {

    private final Map<String, String> settings = new HashMap<>();

    private Optional<ProviderSettings> read() {
        return ProviderSettings.read(new Configuration(settings::get));
    }

    private void provider() {
        settings.put(ProviderSettings.ISSUER, "https://login.example.com/realms/staff");
        settings.put(ProviderSettings.CLIENT_ID, "meeting-portal");
        settings.put(ProviderSettings.CLIENT_SECRET, "s3cret-from-the-provider");
        settings.put(Configuration.PUBLIC_URL, "https://meet.example.com/");
    }

    @Test
    void noneSetMeansPortalPasswordsOnly() {
        assertEquals(Optional.empty(), read());
    }

    @Test
    void aCompleteProviderWithItsDefaults() {
        provider();
        ProviderSettings read = read().orElseThrow();
        assertEquals(URI.create("https://login.example.com/realms/staff"), read.issuer());
        assertEquals("meeting-portal", read.clientId());
        assertEquals(Optional.empty(), read.adminGroup());
        assertEquals("company account", read.name());
        assertEquals(ProviderSettings.LocalSignIn.ALL, read.localSignIn());
    }

    @Test
    void adminGroupNameAndLocalSignIn() {
        provider();
        settings.put(ProviderSettings.ADMIN_GROUP, "portal-admins");
        settings.put(ProviderSettings.NAME, "Contoso account");
        settings.put(ProviderSettings.LOCAL_SIGN_IN, "admins-only");
        ProviderSettings read = read().orElseThrow();
        assertEquals(Optional.of("portal-admins"), read.adminGroup());
        assertEquals("Contoso account", read.name());
        assertEquals(ProviderSettings.LocalSignIn.ADMINS_ONLY, read.localSignIn());
        settings.put(ProviderSettings.LOCAL_SIGN_IN, "OFF");
        assertEquals(ProviderSettings.LocalSignIn.OFF, read().orElseThrow().localSignIn());
    }

    @Test
    void aProviderNeedsThePublicAddressItSendsPeopleBackTo() {
        provider();
        settings.remove(Configuration.PUBLIC_URL);
        IllegalStateException e = assertThrows(IllegalStateException.class, this::read);
        assertTrue(e.getMessage().contains("PORTAL_PUBLIC_URL"), e.getMessage());
    }

    @Test
    void incompleteSettingsNameWhatIsMissing() {
        settings.put(ProviderSettings.ISSUER, "https://login.example.com/realms/staff");
        IllegalStateException e = assertThrows(IllegalStateException.class, this::read);
        assertTrue(e.getMessage().contains(ProviderSettings.CLIENT_ID), e.getMessage());
        assertTrue(e.getMessage().contains(ProviderSettings.CLIENT_SECRET), e.getMessage());
    }

    @Test
    void anIssuerMustBeAnHttpUrl() {
        provider();
        for (String bad : new String[] {"login.example.com", "ftp://login.example.com", "https://login.example.com/?x=1",
                "https://user@login.example.com/"}) {
            settings.put(ProviderSettings.ISSUER, bad);
            assertThrows(IllegalStateException.class, this::read, bad);
        }
    }

    @Test
    void localSignInOffWithoutAProviderWouldLockEveryoneOut() {
        settings.put(ProviderSettings.LOCAL_SIGN_IN, "off");
        assertThrows(IllegalStateException.class, this::read);
        settings.put(ProviderSettings.LOCAL_SIGN_IN, "admins-only");
        assertThrows(IllegalStateException.class, this::read);
        settings.put(ProviderSettings.LOCAL_SIGN_IN, "sometimes");
        provider();
        assertThrows(IllegalStateException.class, this::read);
    }

    @Test
    void theSecretIsNeverPrinted() {
        provider();
        assertFalse(read().orElseThrow().toString().contains("s3cret"));
    }
}
