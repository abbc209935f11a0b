package org.meetingportal.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.Browsers;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin in Shanghai schedules a meeting on the page, finding the attendee by name in the picker; the
 * attendee, whose computer runs on Berlin time, sees it on "My meetings" in Berlin time, with the zone named.
 */
class MeetingBrowserIT extends PortalIT {

    private ChromeDriver adminBrowser;
    private ChromeDriver attendeeBrowser;

    @AfterEach
    void closeBrowsers() {
        for (ChromeDriver browser : new ChromeDriver[] {adminBrowser, attendeeBrowser}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    private static WebDriverWait waiting(ChromeDriver browser) {
        return Browsers.waiting(browser, 20);
    }

    @Test
    void anAdminSchedulesOnThePageAndTheAttendeeSeesItInTheirOwnTimeZone() {
        String name = TestPortal.uniqueName("guest");
        admin().createSignedInUser(name, "EMPLOYEE", "attendee-browser-phrase");
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString();
        String portal = Browsers.localhost(base);

        adminBrowser = Browsers.chromium("en-US", "Asia/Shanghai");
        Browsers.signIn(adminBrowser, base, "admin", TestPortal.adminPassword());
        adminBrowser.get(portal + "meeting-edit.xhtml");
        assertEquals("Asia/Shanghai", new Select(adminBrowser.findElement(By.id("form:timeZone")))
                .getFirstSelectedOption().getText(), "the form starts in the admin's own zone");
        adminBrowser.findElement(By.id("form:title")).sendKeys("Design review " + name);
        adminBrowser.findElement(By.id("form:description")).sendKeys("Slides first, then questions.");
        setValue(adminBrowser.findElement(By.id("form:startsAt")), day + "T09:00");
        setValue(adminBrowser.findElement(By.id("form:endsAt")), day + "T10:30");
        new Select(adminBrowser.findElement(By.id("form:attendeeRights"))).selectByValue("NO_SCREEN_SHARE");

        adminBrowser.findElement(By.id("form:attendees-search")).sendKeys("Test " + name);
        By suggestion = By.cssSelector("#form\\:attendees-suggestions li[data-username='" + name + "']");
        waiting(adminBrowser).until(ExpectedConditions.elementToBeClickable(suggestion)).click();
        waiting(adminBrowser).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".chip[data-username='" + name + "']")));
        assertTrue(adminBrowser.findElement(By.id("form:attendees")).getAttribute("value").contains(name));
        Browsers.screenshot(adminBrowser, "admin-schedule-meeting");
        adminBrowser.findElement(By.id("form:submit")).click();

        waiting(adminBrowser).until(ExpectedConditions.urlContains("/meeting.xhtml?id="));
        assertTrue(adminBrowser.findElement(By.id("messages")).getText().contains("is scheduled"));
        assertTrue(adminBrowser.findElement(By.id("meeting-when")).getText().contains("9:00 AM – 10:30 AM (Asia/Shanghai)"));
        Browsers.screenshot(adminBrowser, "meeting-details");

        attendeeBrowser = Browsers.chromium("en-GB", "Europe/Berlin");
        Browsers.signIn(attendeeBrowser, base, name, "attendee-browser-phrase");
        attendeeBrowser.get(portal + "index.xhtml");
        WebElement list = attendeeBrowser.findElement(By.id("current-meetings"));
        assertTrue(list.getText().contains("Design review " + name), list.getText());
        assertTrue(list.getText().contains("02:00 – 03:30 (Europe/Berlin)"), "Berlin time, British format: " + list.getText());
        assertTrue(attendeeBrowser.findElement(By.id("greeting")).getText().contains("Europe/Berlin"));
        Browsers.screenshot(attendeeBrowser, "my-meetings-berlin");
    }

    /** Date-time inputs take typed digits in the browser's own order; setting the value is locale-proof. */
    private void setValue(WebElement input, String value) {
        adminBrowser.executeScript("arguments[0].value = arguments[1];", input, value);
    }
}
