package org.meetingportal.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.CallSocketClient;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/**
 * The runs without an SMTP server ({@code PORTAL_SMTP_HOST} blank): meetings are planned as ever, nothing is
 * written to the outbox, and the reminder still reaches open pages.
 */
class WithoutMailIT extends PortalIT {

    @Test
    void withoutAnSmtpServerNothingIsWrittenAndPagesAreStillReminded() {
        assertEquals("", System.getenv("PORTAL_SMTP_HOST"), "this run has no SMTP server");
        PortalClient admin = admin();
        String hostName = TestPortal.uniqueName("nmhost");
        PortalClient host = admin.createSignedInUser(hostName, "EMPLOYEE", "host-pass-phrase");
        try (CallSocketClient page = CallSocketClient.open(base, host)) {
            page.next("hello", Duration.ofSeconds(30));
            ZonedDateTime start = ZonedDateTime.now().plusSeconds(70);
            HttpAnswer created = host.post("api/meetings", Json.createObjectBuilder().add("title", "No mail " + hostName)
                    .add("startsAt", start.toOffsetDateTime().toString())
                    .add("endsAt", start.plusHours(1).toOffsetDateTime().toString()).add("timeZone", "UTC").build());
            assertEquals(201, created.status(), created::toString);
            JsonObject notice = page.next("reminder", Duration.ofSeconds(60));
            assertEquals(created.json().getJsonNumber("id").longValue(), notice.getJsonNumber("meeting").longValue());
        }
        JsonObject outbox = admin.get("api/mail").json();
        assertFalse(outbox.getBoolean("enabled"));
        JsonObject counts = outbox.getJsonObject("counts");
        assertEquals(0, counts.getInt("PENDING") + counts.getInt("SENT") + counts.getInt("FAILED"), outbox::toString);
    }
}
