package org.meetingportal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/**
 * Room isolation rests on TRTC's advanced permission control, a console switch the portal cannot read: the
 * admin pages warn until an admin confirms it is on, and the confirmation is recorded with who and when.
 */
class PermissionControlIT extends PortalIT {

    private static final String WARNING = "Rooms are not known to be closed to outsiders.";

    @Test
    void theAdminPagesWarnUntilAnAdminConfirmsAndOnlyAnAdminCan() {
        PortalClient admin = admin();
        assertFalse(admin.get("api/trtc/permission-control").json().getBoolean("confirmed"),
                "a fresh portal has no confirmation");
        HttpAnswer users = admin.page("admin/users.xhtml");
        assertTrue(users.body().contains(WARNING), "a standing warning on the admin pages");
        assertTrue(admin.page("admin/audit.xhtml").body().contains("Nobody has confirmed yet"));

        String name = TestPortal.uniqueName("notadmin");
        PortalClient employee = admin.createSignedInUser(name, "EMPLOYEE", "employee-pass-phrase");
        assertFalse(employee.page("index.xhtml").body().contains(WARNING), "not for employees");
        assertEquals(403, employee.post("api/trtc/permission-control", null).status());
        assertEquals(403, employee.get("api/trtc/permission-control").status());
        assertEquals(401, new PortalClient(base).post("api/trtc/permission-control", null).status());
        PortalClient noToken = admin();
        noToken.forgetCsrfToken();
        assertEquals(403, noToken.post("api/trtc/permission-control", null).status(), "CSRF");
        assertFalse(admin.get("api/trtc/permission-control").json().getBoolean("confirmed"));

        admin.page("admin/users.xhtml");
        HttpAnswer confirmed = admin.submit("admin/users.xhtml", "permission-control", "confirm", Map.of());
        assertEquals(302, confirmed.status(), confirmed.body());
        JsonObject now = admin.get("api/trtc/permission-control").json();
        assertTrue(now.getBoolean("confirmed"));
        assertEquals("admin", now.getString("confirmedBy"));
        assertTrue(Duration.between(Instant.parse(now.getString("confirmedAt")), Instant.now()).abs().toMinutes() < 2);
        assertFalse(admin.page("admin/users.xhtml").body().contains(WARNING), "the warning is gone");
        assertTrue(admin.page("admin/audit.xhtml").body().contains("TRTC advanced permission control confirmed on by admin"));

        JsonObject again = admin.post("api/trtc/permission-control", null).json();
        assertTrue(again.getBoolean("confirmed"), "the API confirms too");
        assertTrue(TestPortal.serverLog().contains("security_event=trtc_permission_control_confirmed user=\"admin\""));
    }
}
