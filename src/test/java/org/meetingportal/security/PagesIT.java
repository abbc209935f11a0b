package org.meetingportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.RawHttp;
import org.meetingportal.testing.TestPortal;

/** The Faces pages as a browser sees them: who may open which page, sign-in and sign-out, forms and errors. */
class PagesIT extends PortalIT {

    /** Only the home page has it. */
    private static final String INDEX_MARK = "id=\"greeting\"";
    private static final List<String> SIGNED_IN_PAGES = List.of("", "index.xhtml", "account.xhtml", "week.xhtml",
            "meeting-edit.xhtml");
    private static final List<String> ADMIN_PAGES = List.of("admin/users.xhtml", "admin/user.xhtml?username=admin",
            "admin/meetings.xhtml", "admin/audit.xhtml");

    /** Signs in through the login page's form and returns the redirect it answers with. */
    private HttpAnswer signInOnPage(PortalClient client, String next, String username, String password) {
        client.page("login.xhtml" + (next == null ? "" : "?next=" + next));
        return client.submit("login.xhtml", "login", "submit",
                Map.of("username", username, "password", password, "next", next == null ? "" : next));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPageFromEveryPage() {
        PortalClient anonymous = new PortalClient(base);
        for (String page : concat(SIGNED_IN_PAGES, ADMIN_PAGES)) {
            HttpAnswer answer = anonymous.page(page);
            assertEquals(302, answer.status(), () -> page + ": " + answer.status());
            assertTrue(answer.header("Location").orElse("").contains("/login.xhtml"), page);
        }
        assertEquals(200, anonymous.page("login.xhtml").status());
    }

    @Test
    void employeesAreRefusedEveryAdminPageWithAFriendlyPage() {
        PortalClient employee = admin().createSignedInUser(TestPortal.uniqueName("pg"), "EMPLOYEE", "employee-page-phrase");
        for (String page : ADMIN_PAGES) {
            HttpAnswer answer = employee.page(page);
            assertEquals(403, answer.status(), page);
            assertTrue(answer.body().contains("This page is for administrators only."), page);
            assertFalse(answer.body().contains("Exception"), page);
        }
        for (String page : SIGNED_IN_PAGES) {
            assertEquals(200, employee.page(page).status(), page);
        }
    }

    @Test
    void adminsOpenEveryPage() {
        PortalClient admin = admin();
        for (String page : concat(SIGNED_IN_PAGES, ADMIN_PAGES)) {
            HttpAnswer answer = admin.page(page);
            assertEquals(200, answer.status(), page);
            assertFalse(answer.body().contains("<script>"), "no inline script on " + page);
            assertFalse(answer.body().contains(" onclick="), "no inline handler on " + page);
        }
    }

    @Test
    void signingInThroughThePageLeadsOnAndSigningOutEndsIt() {
        PortalClient browser = new PortalClient(base);
        HttpAnswer redirect = signInOnPage(browser, "/admin/users.xhtml", "admin", TestPortal.adminPassword());
        assertEquals(302, redirect.status(), redirect::toString);
        assertTrue(redirect.header("Location").orElse("").endsWith("/admin/users.xhtml"));
        HttpAnswer users = browser.follow(redirect);
        assertEquals(200, users.status());
        assertTrue(users.body().contains("Add a user"));

        HttpAnswer signOut = browser.submit("admin/users.xhtml", "signout", "submit", Map.of());
        assertEquals(302, signOut.status());
        HttpAnswer login = browser.follow(signOut);
        assertTrue(login.body().contains("You have signed out."));
        assertEquals(302, browser.page("index.xhtml").status());
        assertEquals(401, browser.get("api/me").status());
    }

    @Test
    void aWrongPasswordShowsAMessageOnThePage() {
        PortalClient browser = new PortalClient(base);
        HttpAnswer answer = signInOnPage(browser, null, "admin", "not-the-password");
        assertEquals(200, answer.status());
        assertTrue(answer.body().contains("The username or password is not right."));
        assertFalse(answer.body().contains("not-the-password"), "the password is never shown back");
    }

    @Test
    void aLinkToAnotherSiteIsNotFollowedAfterSignIn() {
        PortalClient browser = new PortalClient(base);
        HttpAnswer redirect = signInOnPage(browser, "//evil.example/", "admin", TestPortal.adminPassword());
        assertEquals(302, redirect.status());
        assertTrue(redirect.header("Location").orElse("").endsWith("/index.xhtml"), redirect.headers().toString());
    }

    @Test
    void aChineseBrowserGetsChinesePages() {
        HttpAnswer login = new PortalClient(base).page("login.xhtml", "zh-CN,zh;q=0.9,en;q=0.5");
        assertTrue(login.body().contains("登录"), "Chinese sign-in page");
        assertTrue(login.body().contains("lang=\"zh\""));
        HttpAnswer english = new PortalClient(base).page("login.xhtml", "de-DE,en;q=0.5");
        assertTrue(english.body().contains("Sign in"));
    }

    @Test
    void aUserWhoMustChangeTheirPasswordIsSentToTheAccountPageUntilDone() {
        String name = TestPortal.uniqueName("first");
        admin().createUser(name, "EMPLOYEE", "temporary-page-phrase");
        PortalClient browser = new PortalClient(base);
        HttpAnswer signedIn = signInOnPage(browser, null, name, "temporary-page-phrase");
        assertEquals(302, signedIn.status());
        HttpAnswer index = browser.follow(signedIn);
        assertEquals(302, index.status());
        assertTrue(index.header("Location").orElse("").endsWith("/account.xhtml"));
        HttpAnswer account = browser.follow(index);
        assertTrue(account.body().contains("Choose your own before you continue."));

        HttpAnswer mismatch = browser.submit("account.xhtml", "password", "submit", Map.of("current",
                "temporary-page-phrase", "new", "my-chosen-phrase", "repeated", "my-chosen-phrasE"));
        assertEquals(200, mismatch.status());
        assertTrue(mismatch.body().contains("The two new passwords are not the same."));

        HttpAnswer done = browser.submit("account.xhtml", "password", "submit", Map.of("current",
                "temporary-page-phrase", "new", "my-chosen-phrase", "repeated", "my-chosen-phrase"));
        assertEquals(302, done.status(), done::toString);
        HttpAnswer home = browser.follow(done);
        assertEquals(200, home.status());
        assertTrue(home.body().contains("Your password has been changed."));
    }

    @Test
    void aUserWhoMustChangeTheirPasswordGetsNoOtherPageHoweverThePathIsSpelt() {
        String name = TestPortal.uniqueName("gate");
        PortalClient admin = admin();
        admin.createUser(name, "EMPLOYEE", "temporary-gate-phrase");
        String mustChange = "Cookie: JSESSIONID="
                + PortalClient.signedIn(base, name, "temporary-gate-phrase").sessionId().orElseThrow();
        String done = "Cookie: JSESSIONID=" + admin.createSignedInUser(TestPortal.uniqueName("gated"), "EMPLOYEE",
                "chosen-gate-phrase").sessionId().orElseThrow();
        String context = base.getPath().replaceAll("/$", "");
        assertTrue(RawHttp.get(base, context + "/index.xhtml", done).body().contains(INDEX_MARK),
                "the mark of the protected page, as a person without a password to change sees it");
        RawHttp.Answer account = RawHttp.get(base, context + "/account.xhtml", mustChange);
        assertEquals(200, account.status());
        assertTrue(account.body().contains("Choose your own before you continue."));

        for (String path : List.of("/index.xhtml", "/error/../index.xhtml", "/error/..;/index.xhtml",
                "/error/%2e%2e/index.xhtml", "/error/%2E%2E/index.xhtml", "/error/.%2e/index.xhtml",
                "//index.xhtml", "/error//../index.xhtml", "/./index.xhtml", "/error/..%2findex.xhtml",
                "/login.xhtml/../index.xhtml", "/account.xhtml/..;/index.xhtml")) {
            RawHttp.Answer answer = RawHttp.get(base, context + path, mustChange);
            assertFalse(answer.body().contains(INDEX_MARK), () -> path + " served the page: " + answer.status());
            if (answer.status() / 100 == 3) {
                String next = URI.create(base.toString()).resolve(answer.header("Location").orElse("")).getRawPath();
                RawHttp.Answer followed = RawHttp.get(base, next, mustChange);
                assertFalse(followed.body().contains(INDEX_MARK), () -> path + " -> " + next + " served the page");
            }
        }
        RawHttp.Answer plain = RawHttp.get(base, context + "/index.xhtml", mustChange);
        assertEquals(302, plain.status());
        assertTrue(plain.header("Location").orElse("").endsWith("/account.xhtml"), plain::headers);
    }

    @Test
    void anAdminCreatesAUserOnThePageAndSeesFieldErrorsBesideTheFields() {
        PortalClient admin = admin();
        String name = TestPortal.uniqueName("paged");
        admin.page("admin/users.xhtml");
        HttpAnswer invalid = admin.submit("admin/users.xhtml", "create", "submit", Map.of("username", name + " x",
                "displayName", "", "email", "nope", "role", "EMPLOYEE", "password", "password"));
        assertEquals(200, invalid.status());
        assertTrue(invalid.body().contains("It can never change."), "username rule beside the field");
        assertTrue(invalid.body().contains("Enter a display name."));
        assertTrue(invalid.body().contains("name@example.com"));
        assertTrue(invalid.body().contains("among the first ones attackers try"));
        assertEquals(404, admin.get("api/users/" + name).status(), "nothing saved on error");

        HttpAnswer created = admin.submit("admin/users.xhtml", "create", "submit", Map.of("username", name,
                "displayName", "Paged <b>User</b>", "email", name + "@example.com", "role", "EMPLOYEE",
                "password", "created-on-page-phrase"));
        assertEquals(302, created.status(), created::toString);
        HttpAnswer list = admin.follow(created);
        assertTrue(list.body().contains("User " + name + " was added."));
        assertTrue(list.body().contains("Paged &lt;b&gt;User&lt;/b&gt;"), "user text is escaped");
        assertEquals(200, admin.get("api/users/" + name).status());
    }

    @Test
    void aFormPostedWithoutItsOwnViewStateChangesNothing() {
        PortalClient admin = admin();
        String name = TestPortal.uniqueName("csrf");
        admin.page("admin/users.xhtml");
        Map<String, String> fields = Map.of("username", name, "displayName", "Forged", "email", name + "@example.com",
                "role", "ADMIN", "password", "forged-admin-phrase");
        HttpAnswer forged = admin.submitWithViewState("admin/users.xhtml", "create", "submit", fields, "1234:5678");
        HttpAnswer missing = admin.submitWithViewState("admin/users.xhtml", "create", "submit", fields, null);
        assertEquals(404, admin.get("api/users/" + name).status(), "a forged post must not create anything");
        assertEquals(302, forged.status(), forged::toString);
        HttpAnswer back = admin.follow(forged);
        assertTrue(back.body().contains("The page had expired, so nothing was saved."), back.body());
        assertTrue(missing.status() < 500, missing::toString);
    }

    @Test
    void twoAdminsEditingTheSameUserDoNotOverwriteEachOther() {
        PortalClient first = admin();
        PortalClient second = admin();
        String name = TestPortal.uniqueName("edit");
        first.createUser(name, "EMPLOYEE", "edited-user-phrase");
        first.page("admin/user.xhtml?username=" + name);
        second.page("admin/user.xhtml?username=" + name);
        HttpAnswer saved = first.submit("admin/user.xhtml?username=" + name, "edit", "submit",
                Map.of("displayName", "First Edit", "email", name + "@example.com", "role", "EMPLOYEE", "version", "0"));
        assertEquals(302, saved.status(), saved::toString);
        HttpAnswer stale = second.submit("admin/user.xhtml?username=" + name, "edit", "submit",
                Map.of("displayName", "Second Edit", "email", name + "@example.com", "role", "EMPLOYEE", "version", "0"));
        assertEquals(200, stale.status());
        assertTrue(stale.body().contains("Someone else changed this in the meantime."), stale.body());
        assertEquals("First Edit", first.get("api/users/" + name).json().getString("displayName"));
    }

    @Test
    void unknownPagesAndUsersGetTheNotFoundPage() {
        PortalClient admin = admin();
        HttpAnswer page = admin.page("no-such-page.xhtml");
        assertEquals(404, page.status());
        assertTrue(page.body().contains("Page not found"));
        HttpAnswer user = admin.page("admin/user.xhtml?username=" + TestPortal.uniqueName("ghost"));
        assertEquals(404, user.status());
        assertTrue(user.body().contains("Page not found"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
