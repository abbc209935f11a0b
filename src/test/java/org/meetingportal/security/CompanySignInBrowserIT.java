package org.meetingportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.Browsers;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;
import org.meetingportal.testing.TestProvider;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person in a real headless Chromium signs in through the company's provider, Keycloak's own login form
 * included, and signs out of both; and how long that takes, from the click on "Sign in with" to My
 * meetings, against a sign-in with a portal password (figures in target/benchmarks/company-sign-in-*.txt).
 */
class CompanySignInBrowserIT extends PortalIT {

    private static final int ROUNDS = 5;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void type(String id, String text) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(text);
    }

    /** Waits for Keycloak's login form; if it does not come, says where the browser is instead. */
    private void awaitProviderForm(String when) {
        try {
            Browsers.waiting(browser, 30).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        } catch (TimeoutException e) {
            Browsers.screenshot(browser, "company-sign-in-no-form");
            throw new AssertionError(when + ": no login form of the provider, but " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    @Test
    void aPersonSignsInThroughTheProvidersOwnFormAndOutOfBoth() {
        String username = TestPortal.uniqueName("web") + ".x";
        TestProvider.createUser(username, "web-staff-pass-phrase", "Wei", "Web");
        String local = TestPortal.uniqueName("local");
        admin().createUser(local, "EMPLOYEE", "local-first-phrase");
        // The local colleague has chosen their own password, so that both sign-ins end on My meetings.
        int changed = PortalClient.signedIn(base, local, "local-first-phrase").post("api/me/password",
                Json.createObjectBuilder().add("currentPassword", "local-first-phrase")
                        .add("newPassword", "local-own-phrase").build()).status();
        assertTrue(changed / 100 == 2, "password chosen: " + changed);
        List<Long> viaProvider = new ArrayList<>();
        List<Long> viaPassword = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            browser = Browsers.chromium("en-US");
            browser.get(TestProvider.portal() + "login.xhtml");
            long start = System.nanoTime();
            browser.findElement(By.id("provider")).click();
            awaitProviderForm("round " + round);
            type("username", username);
            type("password", "web-staff-pass-phrase");
            browser.findElement(By.id("kc-login")).click();
            Browsers.waiting(browser, 30).until(ExpectedConditions.urlContains("/index.xhtml"));
            viaProvider.add((System.nanoTime() - start) / 1_000_000);
            assertTrue(browser.getPageSource().contains("Wei Web"), "My meetings, as Wei Web");

            browser.findElement(By.id("signout:submit")).click();
            Browsers.waiting(browser, 30).until(ExpectedConditions.urlContains("/login.xhtml?signedOut=true"));
            browser.findElement(By.id("provider")).click();
            awaitProviderForm("after signing out, round " + round);
            browser.quit();

            browser = Browsers.chromium("en-US");
            browser.get(TestProvider.portal() + "login.xhtml");
            start = System.nanoTime();
            type("login:username", local);
            type("login:password", "local-own-phrase");
            browser.findElement(By.id("login:submit")).click();
            Browsers.waiting(browser, 30).until(ExpectedConditions.urlContains("/index.xhtml"));
            viaPassword.add((System.nanoTime() - start) / 1_000_000);
            browser.quit();
            browser = null;
        }
        viaProvider.sort(null);
        viaPassword.sort(null);
        String figures = String.format("sign-in, click to My meetings, median of %d in Chromium: through the provider"
                + " (Keycloak's form filled in by the test) %d ms, with a portal password %d ms; all: %s and %s%n",
                ROUNDS, viaProvider.get(ROUNDS / 2), viaPassword.get(ROUNDS / 2), viaProvider, viaPassword);
        System.out.print(figures);
        TestPortal.writeFigures("company-sign-in", figures);
        assertEquals(ROUNDS, viaProvider.size());
    }
}
