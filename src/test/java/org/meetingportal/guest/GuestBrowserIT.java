package org.meetingportal.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.credential.TrtcTokens;
import org.meetingportal.testing.Browsers;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A guest from outside the company in three real Chromiums at TRTC's edge (the recorder of
 * {@code browser/trtc-recorder.js}): a host in English copies a guest invitation on the meeting page, an employee
 * in Chinese walks straight into the meeting, which has no waiting room, and the guest, in Chinese and signed in
 * nowhere, opens the invitation's link, is refused a wrong passcode, comes in with the right one and still waits
 * until the host admits them. The guest's page then enters with a credential for a {@code guest_} user, the
 * others' participants panels mark them as a guest, chat goes both ways, and the host lowers the guest's raised
 * hand. Prints the time from the host's admit to the guest's page in the room.
 */
class GuestBrowserIT extends PortalIT {

    private static final String KEY = TestPortal.setting("TRTC_SECRET_KEY");
    private static final Pattern JOIN_URL = Pattern.compile("https?://\\S+/guest\\.xhtml#[A-Za-z0-9_-]+");
    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\b(\\d{8})\\b");

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    private ChromeDriver browser(String language) {
        ChromeDriver browser = Browsers.chromium(language);
        browsers.add(browser);
        Browsers.recordTrtc(browser, "edge");
        return browser;
    }

    private ChromeDriver inTheRoom(String language, String user, String password, String page) {
        ChromeDriver browser = browser(language);
        Browsers.joinMeetingRoom(browser, base, user, password, page);
        return browser;
    }

    private static Object js(ChromeDriver browser, String script, Object... args) {
        return browser.executeScript(script, args);
    }

    private static By lastMessage() {
        return By.cssSelector("#chat-messages li:last-child .chat-text");
    }

    /** The same number of digits, none of them right. */
    private static String wrongPasscode(String passcode) {
        StringBuilder wrong = new StringBuilder();
        for (char digit : passcode.toCharArray()) {
            wrong.append((char) ('0' + (digit - '0' + 1) % 10));
        }
        return wrong.toString();
    }

    @Test
    void aGuestComesInThroughTheInvitationWaitsForTheHostAndTakesPartLikeTheOthers() {
        String host = TestPortal.uniqueName("gbhost");
        String employee = TestPortal.uniqueName("gbemp");
        String guestName = "李雷";
        admin().createSignedInUser(host, "EMPLOYEE", "guest-host-phrase");
        admin().createSignedInUser(employee, "EMPLOYEE", "guest-employee-phrase");
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        String title = "Guests " + employee;
        HttpAnswer created = admin().post("api/meetings", Json.createObjectBuilder().add("title", title)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofHours(1)).toString())
                .add("timeZone", "Asia/Shanghai").add("hosts", Json.createArrayBuilder().add(host))
                .add("attendees", Json.createArrayBuilder().add(employee)).add("waitingRoom", "NONE").build());
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        String page = Browsers.localhost(base) + "meeting.xhtml?id=" + id;

        // The host makes the invitation from inside the room: the card stays on the page there.
        ChromeDriver hostBrowser = inTheRoom("en-US", host, "guest-host-phrase", page);
        hostBrowser.findElement(By.id("guest-invitation-copy")).click();
        Browsers.waiting(hostBrowser, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("guest-invitation-text")));
        // Headless Chromium may or may not grant the clipboard; either way the status says what to do.
        Browsers.waiting(hostBrowser, 10).until(b -> !b.findElement(By.id("guest-invitation-status")).getText().isEmpty());
        assertTrue(List.of("Copied. Send it to your guests; the earlier link no longer works.",
                "Copy the invitation below; the earlier link no longer works.")
                .contains(hostBrowser.findElement(By.id("guest-invitation-status")).getText()));
        String invitation = hostBrowser.findElement(By.id("guest-invitation-text")).getText();
        assertTrue(invitation.startsWith("Test " + host + " invites you to the meeting “" + title + "”."), invitation);
        Matcher url = JOIN_URL.matcher(invitation);
        assertTrue(url.find(), invitation);
        String passcode = null;
        for (Matcher digits = EIGHT_DIGITS.matcher(invitation); digits.find();) {
            passcode = digits.group(1);
        }
        assertTrue(invitation.lines().anyMatch(("Passcode: " + passcode)::equals), invitation);
        URI link = URI.create(url.group());

        ChromeDriver employeeBrowser = inTheRoom("zh-CN", employee, "guest-employee-phrase", page);

        // Opened on localhost as every browser test's page is (see Browsers.localhost): the link names the portal's
        // public address or the address the host's request reached, where the camera may be refused.
        ChromeDriver guestBrowser = browser("zh-CN");
        guestBrowser.get(Browsers.localhost(base) + "guest.xhtml#" + link.getRawFragment());
        Browsers.waiting(guestBrowser, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("guest-form")));
        guestBrowser.findElement(By.id("guest-name")).sendKeys(guestName);
        guestBrowser.findElement(By.id("guest-passcode")).sendKeys(wrongPasscode(passcode));
        guestBrowser.findElement(By.id("guest-enter")).click();
        Browsers.waiting(guestBrowser, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("guest-error")));
        assertFalse(guestBrowser.findElement(By.id("guest-error")).getText().isBlank(), "a wrong passcode is refused in words");
        assertTrue(guestBrowser.getCurrentUrl().contains("/guest.xhtml"), "still outside");
        guestBrowser.findElement(By.id("guest-passcode")).clear();
        guestBrowser.findElement(By.id("guest-passcode")).sendKeys(passcode, Keys.ENTER);
        Browsers.waiting(guestBrowser, 20).until(ExpectedConditions.urlContains("/guest-room.xhtml"));
        assertEquals(guestName + " · 访客", guestBrowser.findElement(By.id("guest-who")).getText());

        // The meeting has no waiting room, and yet the guest waits.
        Browsers.waiting(guestBrowser, 30).until(ExpectedConditions.attributeToBe(By.id("lobby"), "data-ready", "true"));
        guestBrowser.findElement(By.id("join-mic-off")).click();
        guestBrowser.findElement(By.id("join")).click();
        Browsers.waiting(guestBrowser, 20).until(ExpectedConditions.attributeToBe(By.id("lobby"), "data-waiting", "true"));
        assertEquals("您在等候室中，主持人将很快准许您入会。", guestBrowser.findElement(By.id("join-status")).getText());
        assertTrue(((List<?>) js(guestBrowser, "return window.__trtc.callsOf('enterRoom');")).isEmpty(), "not in the room");

        // The guest's user id is the portal's, not the guest's to choose: read it from the host's waiting list.
        String guestId = Browsers.waiting(hostBrowser, 20).until(b -> (String) js(hostBrowser,
                "const item = [...document.querySelectorAll('#waiting-list li')]"
                + ".find(li => li.querySelector('.name').textContent === arguments[0]);"
                + " return item ? item.dataset.user : null;", guestName));
        assertTrue(guestId.startsWith("guest_"), guestId);
        assertEquals(1, hostBrowser.findElements(By.cssSelector("#waiting-list li")).size(),
                "the employee walked straight in");
        assertEquals("guest", hostBrowser.findElement(By.cssSelector(
                "#waiting-list li[data-user='" + guestId + "'] .badge.guest")).getText());
        By admit = By.cssSelector("#waiting-list li[data-user='" + guestId + "'] button.admit");
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.elementToBeClickable(admit));
        long clicked = System.nanoTime();
        hostBrowser.findElement(admit).sendKeys(Keys.ENTER);
        Browsers.waiting(guestBrowser, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("room")));
        long entered = (System.nanoTime() - clicked) / 1_000_000;

        // What the guest's page handed the SDK: a credential the server issued to the guest's own user id.
        @SuppressWarnings("unchecked")
        List<List<Object>> enterCalls = (List<List<Object>>) js(guestBrowser,
                "return window.__trtc.callsOf('enterRoom').map(c => c.args);");
        assertEquals(1, enterCalls.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) enterCalls.get(0).get(0);
        assertEquals(guestId, config.get("userId"));
        assertEquals(guestId, TrtcTokens.verify((String) config.get("privateMapKey"), KEY).userBuf().account());

        By guestRow = By.cssSelector("#people li[data-user='" + guestId + "']");
        By guestDetails = By.cssSelector("#people li[data-user='" + guestId + "'] .person-details");
        Browsers.waiting(hostBrowser, 20).until(ExpectedConditions.attributeToBe(guestRow, "data-guest", "true"));
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.textToBePresentInElementLocated(guestDetails, "guest"));
        assertTrue(hostBrowser.findElements(By.cssSelector("#people li[data-user='" + guestId + "'] .make-cohost")).isEmpty(),
                "a guest is never offered as co-host");
        assertFalse(hostBrowser.findElements(By.cssSelector("#people li[data-user='" + guestId + "'] .remove")).isEmpty(),
                "but can be removed like anyone");
        Browsers.waiting(employeeBrowser, 20).until(ExpectedConditions.attributeToBe(guestRow, "data-guest", "true"));
        Browsers.waiting(employeeBrowser, 10).until(ExpectedConditions.textToBePresentInElementLocated(guestDetails, "访客"));

        guestBrowser.findElement(By.id("chat-text")).sendKeys("大家好，我来自合作公司", Keys.ENTER);
        Browsers.waiting(hostBrowser, 20).until(ExpectedConditions.textToBe(lastMessage(), "大家好，我来自合作公司"));
        Browsers.waiting(employeeBrowser, 20).until(ExpectedConditions.textToBe(lastMessage(), "大家好，我来自合作公司"));
        assertEquals(guestId, hostBrowser.findElement(By.cssSelector("#chat-messages li:last-child")).getAttribute("data-user"));
        assertTrue(hostBrowser.findElement(By.cssSelector("#chat-messages li:last-child .chat-from")).getText()
                .startsWith(guestName));
        hostBrowser.findElement(By.id("chat-text")).sendKeys("Welcome, glad you could join", Keys.ENTER);
        Browsers.waiting(guestBrowser, 20).until(ExpectedConditions.textToBe(lastMessage(), "Welcome, glad you could join"));

        // The guest's raised hand shows on the host's panel, and the host's "Lower hand" lowers the guest's too.
        guestBrowser.findElement(By.id("raise-hand")).sendKeys(Keys.ENTER);
        Browsers.waiting(guestBrowser, 5).until(ExpectedConditions.attributeToBe(By.id("raise-hand"), "aria-pressed", "true"));
        By lower = By.cssSelector("#people li[data-user='" + guestId + "'] .lower-hand");
        Browsers.waiting(hostBrowser, 20).until(ExpectedConditions.elementToBeClickable(lower));
        hostBrowser.findElement(lower).sendKeys(Keys.ENTER);
        Browsers.waiting(guestBrowser, 20).until(ExpectedConditions.attributeToBe(By.id("raise-hand"), "aria-pressed", "false"));
        Browsers.waiting(hostBrowser, 20).until(ExpectedConditions.invisibilityOfElementLocated(lower));

        Browsers.screenshot(hostBrowser, "guest-host");
        Browsers.screenshot(guestBrowser, "guest-room");
        System.out.printf("guest in Chromium: host's admit to the guest's page in the room %d ms%n", entered);
    }
}
