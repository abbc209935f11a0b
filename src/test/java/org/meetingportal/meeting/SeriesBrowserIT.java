package org.meetingportal.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
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
 * An employee in Berlin plans a weekly series on the page, then moves its third meeting by an hour, that one
 * alone; the attendee, in Shanghai and reading Chinese, sees the series in their own time, and the moved meeting
 * at its new time, marked as changed alone.
 */
class SeriesBrowserIT extends PortalIT {

    private ChromeDriver hostBrowser;
    private ChromeDriver attendeeBrowser;

    @AfterEach
    void closeBrowsers() {
        for (ChromeDriver browser : new ChromeDriver[] {hostBrowser, attendeeBrowser}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    private static WebDriverWait waiting(ChromeDriver browser) {
        return Browsers.waiting(browser, 20);
    }

    @Test
    void anEmployeePlansAWeeklySeriesMovesOneMeetingAndTheAttendeeSeesItInTheirZone() {
        String hostName = TestPortal.uniqueName("planner");
        String attendeeName = TestPortal.uniqueName("colleague");
        admin().createSignedInUser(hostName, "EMPLOYEE", "series-host-phrase");
        admin().createSignedInUser(attendeeName, "EMPLOYEE", "series-attendee-phrase");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate monday = LocalDate.now(berlin).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate third = monday.plusWeeks(2);
        String portal = Browsers.localhost(base);
        String title = "Team sync " + hostName;

        hostBrowser = Browsers.chromium("en-GB", "Europe/Berlin");
        Browsers.signIn(hostBrowser, base, hostName, "series-host-phrase");
        hostBrowser.get(portal + "index.xhtml");
        hostBrowser.findElement(By.id("new-meeting")).click();
        waiting(hostBrowser).until(ExpectedConditions.urlContains("/meeting-edit.xhtml"));
        assertFalse(field(hostBrowser, "form:count").isDisplayed(), "no repeat fields for a single meeting");
        hostBrowser.findElement(By.id("form:title")).sendKeys(title);
        setValue(hostBrowser, "form:startsAt", monday + "T09:00");
        setValue(hostBrowser, "form:endsAt", monday + "T10:00");
        new Select(hostBrowser.findElement(By.id("form:repeat"))).selectByValue("WEEKLY");
        assertTrue(field(hostBrowser, "form:weekDays").isDisplayed(), "weekly asks for the days");
        assertFalse(field(hostBrowser, "form:until").isDisplayed(), "ends after a number of meetings");
        hostBrowser.findElement(By.cssSelector("input[name='form:weekDays'][value='MO']")).click();
        WebElement count = hostBrowser.findElement(By.id("form:count"));
        count.clear();
        count.sendKeys("6");
        hostBrowser.findElement(By.id("form:attendees-search")).sendKeys("Test " + attendeeName);
        By suggestion = By.cssSelector("#form\\:attendees-suggestions li[data-username='" + attendeeName + "']");
        waiting(hostBrowser).until(ExpectedConditions.elementToBeClickable(suggestion)).click();
        Browsers.screenshot(hostBrowser, "series-schedule");
        hostBrowser.findElement(By.id("form:submit")).click();

        waiting(hostBrowser).until(ExpectedConditions.urlContains("/meeting.xhtml?id="));
        assertTrue(hostBrowser.findElement(By.id("messages")).getText().contains("is scheduled"));
        assertEquals("Every week on Mon, 6 times", hostBrowser.findElement(By.id("meeting-repeats")).getText().strip());
        assertTrue(hostBrowser.findElement(By.id("meeting-next")).getText().contains("09:00 (Europe/Berlin)"),
                hostBrowser.findElement(By.id("meeting-next")).getText());

        // The third Monday, from the week view, moved to 10:00 for that week alone.
        hostBrowser.get(portal + "week.xhtml?start=" + third);
        hostBrowser.findElement(By.linkText(title)).click();
        waiting(hostBrowser).until(ExpectedConditions.urlContains("/meeting.xhtml?id="));
        hostBrowser.findElement(By.id("edit")).click();
        waiting(hostBrowser).until(ExpectedConditions.urlContains("/meeting-edit.xhtml"));
        assertTrue(hostBrowser.findElement(By.cssSelector("input[name='form:following'][value='false']")).isSelected(),
                "an occurrence is changed alone unless asked");
        setValue(hostBrowser, "form:startsAt", third + "T10:00");
        setValue(hostBrowser, "form:endsAt", third + "T11:00");
        Browsers.screenshot(hostBrowser, "series-edit-occurrence");
        hostBrowser.findElement(By.id("form:submit")).click();
        waiting(hostBrowser).until(ExpectedConditions.urlContains("/meeting.xhtml?id="));
        String movedUrl = hostBrowser.getCurrentUrl();
        assertTrue(hostBrowser.findElement(By.id("meeting-when")).getText().contains("10:00 – 11:00 (Europe/Berlin)"),
                hostBrowser.findElement(By.id("meeting-when")).getText());
        assertTrue(hostBrowser.findElement(By.id("meeting-detached")).isDisplayed());

        attendeeBrowser = Browsers.chromium("zh-CN", "Asia/Shanghai");
        Browsers.signIn(attendeeBrowser, base, attendeeName, "series-attendee-phrase");
        attendeeBrowser.get(portal + "index.xhtml");
        WebElement list = attendeeBrowser.findElement(By.id("current-meetings"));
        assertTrue(list.getText().contains(title), list.getText());
        assertTrue(list.getText().contains("每周的周一，共 6 次"), list.getText());
        assertTrue(list.getText().contains(inShanghai(monday, 9)) && list.getText().contains("Asia/Shanghai"),
                "09:00 in Berlin, in Shanghai's time: " + list.getText());
        Browsers.screenshot(attendeeBrowser, "series-my-meetings-shanghai");
        attendeeBrowser.get(movedUrl);
        assertTrue(attendeeBrowser.findElement(By.id("meeting-when")).getText().contains(inShanghai(third, 10))
                && attendeeBrowser.findElement(By.id("meeting-when")).getText().contains("Asia/Shanghai"),
                attendeeBrowser.findElement(By.id("meeting-when")).getText());
        assertEquals("仅本次会议做了修改。", attendeeBrowser.findElement(By.id("meeting-detached")).getText());
        Browsers.screenshot(attendeeBrowser, "series-moved-occurrence-shanghai");
    }

    /** {@code hour}:00 in Berlin on {@code day}, as a Chinese page shows it in Shanghai ("下午4:00"). */
    private static String inShanghai(LocalDate day, int hour) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.forLanguageTag("zh-CN"))
                .format(day.atTime(hour, 0).atZone(ZoneId.of("Europe/Berlin"))
                        .withZoneSameInstant(ZoneId.of("Asia/Shanghai")));
    }

    private static WebElement field(ChromeDriver browser, String id) {
        return browser.findElement(By.id(id)).findElement(By.xpath("ancestor::div[contains(@class,'field')][1]"));
    }

    /** Date-time inputs take typed digits in the browser's own order; setting the value is locale-proof. */
    private static void setValue(ChromeDriver browser, String id, String value) {
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), value);
    }
}
