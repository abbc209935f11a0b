package org.meetingportal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;

/** {@code /api/users} as an admin uses it, and everything a careless or hostile client may send it. */
class UsersApiIT extends PortalIT {

    private static JsonObject user(String name, String role) {
        return Json.createObjectBuilder().add("username", name).add("displayName", "Li Wei " + name)
                .add("email", name + "@example.com").add("password", "initial-pass-phrase").add("role", role).build();
    }

    @Test
    void createsReadsFindsAndPagesAccounts() {
        PortalClient admin = admin();
        String tag = TestPortal.uniqueName("find");
        HttpAnswer created = admin.post("api/users", user(tag + "-a", "EMPLOYEE"));
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").orElse("").endsWith("/api/users/" + tag + "-a"));
        JsonObject body = created.json();
        assertTrue(body.getBoolean("mustChangePassword"), "a first password is always temporary");
        assertTrue(body.getBoolean("enabled"));
        assertFalse(body.containsKey("password") || body.containsKey("passwordHash"));
        assertEquals(201, admin.post("api/users", user(tag + "-b", "ADMIN")).status());

        HttpAnswer one = admin.get("api/users/" + tag + "-a");
        assertEquals(200, one.status());
        assertEquals("Li Wei " + tag + "-a", one.json().getString("displayName"));

        HttpAnswer found = admin.get("api/users?q=" + tag + "&size=1&page=1");
        assertEquals(200, found.status());
        assertEquals(2, found.json().getInt("total"));
        assertEquals(1, found.json().getJsonArray("items").size());
        assertEquals(1, found.json().getInt("page"));
        HttpAnswer byMail = admin.get("api/users?q=" + (tag + "-B@EXAMPLE").toUpperCase());
        assertEquals(1, byMail.json().getInt("total"), "search ignores case and covers e-mail");
        assertEquals(0, admin.get("api/users?q=%25_%25" + tag).json().getInt("total"), "% and _ are not wildcards");
    }

    @Test
    void editsNeedTheVersionThatWasReadAndStaleOnesAreRefused() {
        PortalClient admin = admin();
        String name = TestPortal.uniqueName("ver");
        long version = admin.post("api/users", user(name, "EMPLOYEE")).json().getJsonNumber("version").longValue();
        JsonObject edit = Json.createObjectBuilder().add("displayName", "Wang Fang").add("email", "wf@example.com")
                .add("role", "ADMIN").add("version", version).build();
        HttpAnswer first = admin.put("api/users/" + name, edit);
        assertEquals(200, first.status(), first::toString);
        assertEquals(version + 1, first.json().getJsonNumber("version").longValue());
        assertEquals("ADMIN", first.json().getString("role"));

        HttpAnswer stale = admin.put("api/users/" + name, edit);
        assertEquals(409, stale.status());
        assertEquals("urn:meeting-portal:problem:error.stale", stale.json().getString("type"));
        assertEquals("Wang Fang", admin.get("api/users/" + name).json().getString("displayName"));

        HttpAnswer noVersion = admin.put("api/users/" + name, Json.createObjectBuilder().add("displayName", "X")
                .add("email", "x@example.com").add("role", "EMPLOYEE").build());
        assertEquals(400, noVersion.status());
        assertEquals(List.of("version"), noVersion.problemFields());
    }

    @Test
    void validationNamesEveryBadFieldAndSavesNothing() {
        PortalClient admin = admin();
        HttpAnswer bad = admin.post("api/users", Json.createObjectBuilder().add("username", "has space")
                .add("displayName", " ").add("email", "nope").add("password", "short").build());
        assertEquals(400, bad.status());
        assertTrue(bad.contentType().startsWith("application/problem+json"));
        assertEquals(List.of("username", "displayName", "email", "role", "password"), bad.problemFields());
        assertEquals(404, admin.get("api/users/has%20space").status());
    }

    @Test
    void usernamesAreUniqueWhateverTheirCase() {
        PortalClient admin = admin();
        String name = TestPortal.uniqueName("dup");
        assertEquals(201, admin.post("api/users", user(name, "EMPLOYEE")).status());
        HttpAnswer again = admin.post("api/users", user(name.toUpperCase(), "EMPLOYEE"));
        assertEquals(400, again.status());
        assertEquals(List.of("username"), again.problemFields());
    }

    @Test
    void adminsCannotLockThemselvesOut() {
        PortalClient admin = admin();
        HttpAnswer disableSelf = admin.post("api/users/admin/disable", null);
        assertEquals(409, disableSelf.status());
        long version = admin.get("api/users/admin").json().getJsonNumber("version").longValue();
        HttpAnswer demoteSelf = admin.put("api/users/admin", Json.createObjectBuilder().add("displayName", "Administrator")
                .add("email", "admin@localhost.localdomain").add("role", "EMPLOYEE").add("version", version).build());
        assertEquals(400, demoteSelf.status());
        assertEquals(List.of("role"), demoteSelf.problemFields());
        assertEquals("ADMIN", admin.get("api/users/admin").json().getString("role"));
    }

    @Test
    void aPasswordResetIsTemporaryAndSignsTheUserOut() {
        PortalClient admin = admin();
        String name = TestPortal.uniqueName("reset");
        PortalClient user = admin.createSignedInUser(name, "EMPLOYEE", "chosen-by-user-phrase");
        HttpAnswer weak = admin.post("api/users/" + name + "/password", Json.createObjectBuilder().add("password", "12345678").build());
        assertEquals(400, weak.status());
        assertEquals(200, user.get("api/me").status(), "a refused reset changes nothing");

        HttpAnswer reset = admin.post("api/users/" + name + "/password",
                Json.createObjectBuilder().add("password", "temporary-reset-phrase").build());
        assertEquals(200, reset.status(), reset::toString);
        assertTrue(reset.json().getBoolean("mustChangePassword"));
        assertEquals(401, user.get("api/me").status());
        PortalClient again = PortalClient.signedIn(base, name, "temporary-reset-phrase");
        assertTrue(again.get("api/me").json().getBoolean("mustChangePassword"));
    }

    @Test
    void badInputGetsAClearFourHundredNeverAServerError() {
        PortalClient admin = admin();
        record Bad(String method, String path, String body, String contentType, int status) {
        }
        String huge = "{\"username\":\"" + "x".repeat(100_000) + "\"}";
        List<Bad> cases = List.of(
                new Bad("POST", "api/users", "{\"username\": ", "application/json", 400),
                new Bad("POST", "api/users", "not json at all", "application/json", 400),
                new Bad("POST", "api/users", "[1, 2, 3]", "application/json", 400),
                new Bad("POST", "api/users", "", "application/json", 400),
                new Bad("POST", "api/users", "{\"username\":\"a\",\"role\":\"KING\"}", "application/json", 400),
                new Bad("POST", "api/users", "{\"username\":[\"a\"]}", "application/json", 400),
                new Bad("POST", "api/users", "{\"username\":\"a\",\"isAdmin\":true}", "application/json", 400),
                new Bad("POST", "api/users", huge, "application/json", 413),
                new Bad("POST", "api/users", "username=a", "application/x-www-form-urlencoded", 415),
                new Bad("PUT", "api/users/admin", "{\"version\":\"one\"}", "application/json", 400),
                new Bad("PUT", "api/users/admin", "{\"displayName\":\"X\",\"email\":\"x@example.com\",\"role\":\"ADMIN\","
                        + "\"version\":99999}", "application/json", 409),
                new Bad("GET", "api/users?page=-1", null, null, 400),
                new Bad("GET", "api/users?size=100000", null, null, 400),
                new Bad("GET", "api/users?page=abc", null, null, 400),
                new Bad("GET", "api/users/" + TestPortal.uniqueName("none"), null, null, 404),
                new Bad("GET", "api/users/a%20b%3Cscript%3E", null, null, 404),
                new Bad("POST", "api/users/" + TestPortal.uniqueName("none") + "/disable", null, null, 404),
                new Bad("PATCH", "api/users/admin", "{}", "application/json", 405),
                new Bad("GET", "api/nothing-here", null, null, 404));
        for (Bad bad : cases) {
            HttpAnswer answer = bad.contentType() == null
                    ? admin.send(bad.method(), bad.path(), null)
                    : admin.send(bad.method(), bad.path(), bad.body(), "Content-Type", bad.contentType());
            assertEquals(bad.status(), answer.status(), () -> bad + " -> " + answer);
            assertTrue(answer.contentType().startsWith("application/problem+json"), () -> bad + " -> " + answer.contentType());
            JsonObject problem = answer.json();
            assertEquals(bad.status(), problem.getInt("status"));
            assertFalse(problem.getString("detail").isBlank());
            for (String leak : List.of("Exception", "org.meetingportal", "java.", "SQL", "\tat ")) {
                assertFalse(answer.body().contains(leak), () -> bad + " leaks '" + leak + "': " + answer.body());
            }
        }
        assertEquals(404, admin.get("api/users/" + "x".repeat(40)).status());
    }

    @Test
    void aPageFarPastTheEndOfAnyListIsEmptyRatherThanAServerError() {
        PortalClient admin = admin();
        // Pages whose start does not fit in an int, whether page * size would wrap to a negative or a positive:
        // such a page is empty, as any page past the end.
        for (int page : List.of(21_474_837, 85_899_346, 999_999_999, Integer.MAX_VALUE)) {
            for (String list : List.of("api/users", "api/meetings")) {
                String path = list + "?page=" + page + "&size=100";
                HttpAnswer answer = admin.get(path);
                assertEquals(200, answer.status(), () -> path + " -> " + answer);
                assertTrue(answer.json().getJsonArray("items").isEmpty(), path);
            }
            for (String list : List.of("admin/users.xhtml", "admin/meetings.xhtml", "admin/audit.xhtml")) {
                HttpAnswer answer = admin.page(list + "?page=" + page);
                assertEquals(200, answer.status(), () -> list + "?page=" + page + " -> " + answer);
            }
        }
        assertTrue(admin.get("api/users?page=999999999&size=100").json().getJsonNumber("total").longValue() > 0,
                "the count is of the whole list");
    }

    @Test
    void problemsAreWrittenInTheCallersLanguage() {
        PortalClient admin = admin();
        HttpAnswer chinese = admin.send("POST", "api/users", "{\"username\":\"bad name\"}", "Accept-Language", "zh-CN");
        assertEquals(400, chinese.status());
        assertTrue(chinese.json().getString("detail").contains("输入"), chinese.body());
    }
}
