package org.meetingportal.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.credential.TrtcTokens;
import org.meetingportal.testing.Browsers;
import org.meetingportal.testing.HttpAnswer;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The participants panel and the hosts' controls in two real Chromiums, a host and an attendee, at TRTC's edge as
 * the other room tests: both pages list both people from the portal's roster with role and microphone state, the
 * attendee's unmuting shows on the host's page, a held mute takes the attendee's microphone and switches their
 * page to a key without audio, co-host gives and takes back the hosts' controls, and the host removes the
 * attendee with the keyboard through the page's own dialog, which takes the attendee's page out with a message.
 */
class RosterBrowserIT extends PortalIT {

    private static final String KEY = TestPortal.setting("TRTC_SECRET_KEY");

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    private ChromeDriver inTheRoom(String user, String password, String page) {
        ChromeDriver browser = Browsers.chromium("en-US");
        browsers.add(browser);
        Browsers.recordTrtc(browser, "edge");
        Browsers.joinMeetingRoom(browser, base, user, password, page);
        return browser;
    }

    /**
     * Presses a button in a person's line of the panel: found afresh until the press lands, since a roster
     * refresh may rebuild the line's buttons between finding one and pressing it.
     */
    private static void press(ChromeDriver browser, String user, String button) {
        By target = By.cssSelector("#people li[data-user='" + user + "'] " + button);
        Browsers.waiting(browser, 10).until(b -> {
            try {
                b.findElement(target).sendKeys(Keys.ENTER);
                return true;
            } catch (StaleElementReferenceException | NoSuchElementException rebuilt) {
                return false;
            }
        });
    }

    private static By person(String user) {
        return By.cssSelector("#people li[data-user='" + user + "']");
    }

    @Test
    void bothSeeTheRosterAndTheHostMutesPromotesAndRemovesTheAttendee() {
        String host = TestPortal.uniqueName("rshost");
        String ann = TestPortal.uniqueName("rsann");
        admin().createSignedInUser(host, "EMPLOYEE", "roster-host-phrase");
        admin().createSignedInUser(ann, "EMPLOYEE", "roster-ann-phrase");
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        HttpAnswer created = admin().post("api/meetings", Json.createObjectBuilder().add("title", "Roster " + ann)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofHours(1)).toString())
                .add("timeZone", "Europe/Berlin").add("hosts", Json.createArrayBuilder().add(host))
                .add("attendees", Json.createArrayBuilder().add(ann)).build());
        assertEquals(201, created.status(), created::toString);
        String page = Browsers.localhost(base) + "meeting.xhtml?id=" + created.json().getJsonNumber("id").longValue();

        ChromeDriver hostBrowser = inTheRoom(host, "roster-host-phrase", page);
        ChromeDriver annBrowser = inTheRoom(ann, "roster-ann-phrase", page);
        // Nothing from TRTC's events here (the edge answers nobody else entered): the portal's roster lists them.
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.attributeToBe(person(ann), "data-role", "ATTENDEE"));
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.attributeToBe(person(host), "data-role", "HOST"));
        assertTrue(hostBrowser.findElement(person(ann)).getText().contains("Test " + ann));
        assertTrue(hostBrowser.findElement(person(ann)).getText().contains("muted"));
        assertEquals("Participants (2)", hostBrowser.findElement(By.id("people-title")).getText());
        assertTrue(annBrowser.findElements(By.cssSelector("#people .remove")).isEmpty(), "attendees remove nobody");

        long unmuted = System.nanoTime();
        annBrowser.findElement(By.id("toggle-mic")).click();
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.attributeToBe(person(ann), "data-mic", "true"));
        long seen = (System.nanoTime() - unmuted) / 1_000_000;
        Browsers.screenshot(hostBrowser, "roster-host");

        // A held mute: the attendee's page mutes, renews its key at once and switches to one without audio.
        hostBrowser.findElement(By.id("hold")).sendKeys(Keys.SPACE);
        long muted = System.nanoTime();
        press(hostBrowser, ann, ".mute");
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("toggle-mic")));
        long heldMillis = (System.nanoTime() - muted) / 1_000_000;
        assertTrue(annBrowser.findElement(By.id("room-banner")).getText().contains("A host muted you."));
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.attributeToBe(person(ann), "data-mic", "false"));
        @SuppressWarnings("unchecked")
        List<List<Object>> switches = (List<List<Object>>) annBrowser.executeScript(
                "return window.__trtc.callsOf('switchRole').map(c => c.args);");
        @SuppressWarnings("unchecked")
        String key = (String) ((java.util.Map<String, Object>) switches.get(switches.size() - 1).get(1)).get("privateMapKey");
        assertEquals(255 & ~4, TrtcTokens.verify(key, KEY).userBuf().privileges(), "no audio in the switched key");

        // Co-host: the hosts' controls appear on the attendee's page, and go again when it is taken back.
        press(hostBrowser, ann, ".make-cohost");
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("host-controls")));
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.attributeToBe(person(ann), "data-role", "COHOST"));
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("toggle-mic")));
        press(hostBrowser, ann, ".revoke-cohost");
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("host-controls")));
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.attributeToBe(person(ann), "data-role", "ATTENDEE"));
        System.out.printf("host controls in Chromium: a held mute to the attendee's page without a microphone %d ms%n",
                heldMillis);

        // Stop video, still held: the camera goes, and its button. Then "Mute all", not held, gives audio back.
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.attributeToBe(person(ann), "data-camera", "true"));
        press(hostBrowser, ann, ".stop-video");
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("toggle-camera")));
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.attributeToBe(person(ann), "data-camera", "false"));
        // Stop sharing, still held: the share ends and its button goes.
        annBrowser.findElement(By.id("toggle-screen")).sendKeys(Keys.ENTER);
        Browsers.waiting(hostBrowser, 10).until(
                ExpectedConditions.textToBePresentInElementLocated(person(ann), "sharing the screen"));
        press(hostBrowser, ann, ".stop-screen");
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("toggle-screen")));
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(person(ann), "sharing the screen")));
        hostBrowser.findElement(By.id("hold")).sendKeys(Keys.SPACE);
        hostBrowser.findElement(By.id("mute-all")).sendKeys(Keys.ENTER);
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("toggle-mic")));
        assertEquals("Unmute", annBrowser.findElement(By.id("toggle-mic")).getText(), "muted, and may unmute");
        assertTrue(!annBrowser.findElement(By.id("toggle-camera")).isDisplayed(), "the camera stays held");

        // A raised hand shows on the host's panel, and goes when it is lowered.
        annBrowser.findElement(By.id("raise-hand")).sendKeys(Keys.ENTER);
        assertEquals("true", annBrowser.findElement(By.id("raise-hand")).getAttribute("aria-pressed"));
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.textToBePresentInElementLocated(person(ann), "hand raised"));
        annBrowser.findElement(By.id("raise-hand")).sendKeys(Keys.ENTER);
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(person(ann), "hand raised")));

        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.attributeToBe(
                By.cssSelector("#people li[data-user='" + ann + "'] .remove"), "aria-label", "Remove Test " + ann));
        press(hostBrowser, ann, ".remove");
        Browsers.waiting(hostBrowser, 5).until(ExpectedConditions.elementToBeClickable(By.id("remove-cancel")));
        hostBrowser.findElement(By.id("remove-cancel")).sendKeys(Keys.ENTER);
        assertTrue(annBrowser.findElement(By.id("room")).isDisplayed(), "kept in");
        press(hostBrowser, ann, ".remove");
        Browsers.waiting(hostBrowser, 5).until(ExpectedConditions.elementToBeClickable(By.id("remove-confirm")));
        assertTrue(hostBrowser.findElement(By.id("remove-dialog-text")).getText().contains("Test " + ann));
        long clicked = System.nanoTime();
        hostBrowser.findElement(By.id("remove-confirm")).sendKeys(Keys.ENTER);
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("room-error")));
        long out = (System.nanoTime() - clicked) / 1_000_000;
        assertEquals("A host removed you from this meeting.", annBrowser.findElement(By.id("room-error-text")).getText());
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.invisibilityOfElementLocated(person(ann)));
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.textToBe(By.id("people-title"), "Participants (1)"));
        System.out.printf("roster in Chromium: an attendee's unmute on the host's page %d ms;"
                + " host's removal (confirmed) to the attendee's page out %d ms%n", seen, out);
    }
}
