package org.meetingportal.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.Browsers;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalClient;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The chat panel, raised hands and reactions in two real Chromiums at TRTC's edge, a host in English and an
 * attendee in Chinese, by keyboard: messages go both ways and show as text (markup stays text), a host closes
 * the chat to attendees and opens it again, lowers the attendee's raised hand, and a reaction shows on the pages.
 * Prints the time from pressing Enter to the message showing on the other page.
 */
class ChatBrowserIT extends PortalIT {

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    private ChromeDriver inTheRoom(String language, String user, String password, String page) {
        ChromeDriver browser = Browsers.chromium(language);
        browsers.add(browser);
        Browsers.recordTrtc(browser, "edge");
        Browsers.joinMeetingRoom(browser, base, user, password, page);
        return browser;
    }

    private static By lastMessage() {
        return By.cssSelector("#chat-messages li:last-child .chat-text");
    }

    @Test
    void messagesGoBothWaysAndHostsCloseTheChatAndLowerHands() {
        String host = TestPortal.uniqueName("cbhost");
        String ann = TestPortal.uniqueName("cbann");
        admin().createSignedInUser(host, "EMPLOYEE", "chat-host-phrase");
        admin().createSignedInUser(ann, "EMPLOYEE", "chat-ann-phrase");
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        HttpAnswer created = admin().post("api/meetings", Json.createObjectBuilder().add("title", "Chat " + ann)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofHours(1)).toString())
                .add("timeZone", "Asia/Shanghai").add("hosts", Json.createArrayBuilder().add(host))
                .add("attendees", Json.createArrayBuilder().add(ann)).build());
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        String page = Browsers.localhost(base) + "meeting.xhtml?id=" + id;
        HttpAnswer earlier = PortalClient.signedIn(base, host, "chat-host-phrase").post("api/meetings/" + id + "/chat",
                Json.createObjectBuilder().add("text", "Said before anyone opened the room").build());
        assertEquals(201, earlier.status(), earlier::toString);

        ChromeDriver hostBrowser = inTheRoom("en-US", host, "chat-host-phrase", page);
        ChromeDriver annBrowser = inTheRoom("zh-CN", ann, "chat-ann-phrase", page);
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.textToBe(lastMessage(), "Said before anyone opened the room"));

        String markup = "<b>bold?</b> see https://example.com/?a=1&b=2";
        long typed = System.nanoTime();
        hostBrowser.findElement(By.id("chat-text")).sendKeys(markup, Keys.ENTER);
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.textToBe(lastMessage(), markup));
        long shown = (System.nanoTime() - typed) / 1_000_000;
        assertTrue(annBrowser.findElements(By.cssSelector("#chat-messages b, #chat-messages a")).isEmpty(),
                "what someone types is text, never markup");
        assertTrue(annBrowser.findElement(By.cssSelector("#chat-messages li:last-child .chat-from")).getText()
                .startsWith("Test " + host));
        assertEquals("", hostBrowser.findElement(By.id("chat-text")).getAttribute("value"), "sent, and cleared");

        annBrowser.findElement(By.id("chat-text")).sendKeys("你好", Keys.chord(Keys.SHIFT, Keys.ENTER), "second line",
                Keys.ENTER);
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.textToBe(lastMessage(), "你好\nsecond line"));
        assertEquals("log", hostBrowser.findElement(By.id("chat-messages")).getAttribute("role"),
                "new messages are announced to screen readers");

        // A host closes the chat to attendees: the attendee's box goes quiet and says why; then opens it again.
        hostBrowser.findElement(By.id("chat-close")).sendKeys(Keys.SPACE);
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.textToBe(By.id("chat-state"), "主持人已对参会者关闭聊天。"));
        assertTrue(!annBrowser.findElement(By.id("chat-text")).isEnabled());
        assertTrue(annBrowser.findElement(By.id("chat-host")).getAttribute("hidden") != null, "attendees get no switch");
        hostBrowser.findElement(By.id("chat-close")).sendKeys(Keys.SPACE);
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.elementToBeClickable(By.id("chat-text")));

        // A raised hand shows on the host's panel with a button to lower it; lowering it lowers the attendee's too.
        annBrowser.findElement(By.id("raise-hand")).sendKeys(Keys.ENTER);
        By lower = By.cssSelector("#people li[data-user='" + ann + "'] .lower-hand");
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.elementToBeClickable(lower));
        hostBrowser.findElement(lower).sendKeys(Keys.ENTER);
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.attributeToBe(By.id("raise-hand"), "aria-pressed", "false"));
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.invisibilityOfElementLocated(lower));

        // A reaction: on the sender's own tile, and beside their name on the host's page (no video at the edge).
        annBrowser.findElement(By.cssSelector(".reaction[data-reaction='clap']")).sendKeys(Keys.ENTER);
        Browsers.waiting(annBrowser, 5).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#tiles .tile-reaction")));
        Browsers.waiting(hostBrowser, 5).until(ExpectedConditions.attributeToBe(
                By.cssSelector("#people li[data-user='" + ann + "'] .tile-reaction"), "aria-label",
                "Test " + ann + ": Clap"));
        Browsers.screenshot(hostBrowser, "chat-host");
        Browsers.screenshot(annBrowser, "chat-attendee-zh");
        System.out.printf("chat in Chromium: Enter on the host's page to the message on the attendee's page %d ms%n", shown);
    }
}
