package org.meetingportal.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.Browsers;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person reading Chinese has the calls page open when a meeting of theirs is about to start: the page shows
 * the reminder, with the meeting's title and start, and Join takes them to the meeting.
 */
class ReminderBrowserIT extends PortalIT {

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOpenPageShowsTheReminderWithJoin() {
        String name = TestPortal.uniqueName("reminded");
        admin().createSignedInUser(name, "EMPLOYEE", "reminded-pass-phrase");
        PortalClient host = admin();
        browser = Browsers.chromium("zh-CN", "Asia/Shanghai");
        Browsers.signIn(browser, base, name, "reminded-pass-phrase");
        browser.get(Browsers.localhost(base) + "calls.xhtml");
        WebElement notice = browser.findElement(By.id("reminder-notice"));
        assertTrue(!notice.isDisplayed(), "no reminder before one is due");

        // Reminders come a minute ahead in this run: this one is due in about ten seconds.
        Instant start = Instant.now().plusSeconds(70);
        String title = "Stand-up " + name;
        HttpAnswer created = host.post("api/meetings", Json.createObjectBuilder().add("title", title)
                .add("startsAt", start.toString()).add("endsAt", start.plusSeconds(900).toString())
                .add("timeZone", "Asia/Shanghai").add("attendees", Json.createArrayBuilder().add(name)).build());
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();

        Browsers.waiting(browser, 60).until(ExpectedConditions.visibilityOf(notice));
        String text = browser.findElement(By.id("reminder-text")).getText();
        assertTrue(text.startsWith("“" + title + "”将于 ") && text.endsWith(" 开始。"), text);
        Browsers.screenshot(browser, "reminder-notice");
        WebElement join = browser.findElement(By.id("reminder-join"));
        assertEquals("加入", join.getText());
        join.click();
        Browsers.waiting(browser, 20).until(ExpectedConditions.urlContains("/meeting.xhtml?id=" + id));
    }
}
