package org.meetingportal.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.credential.TrtcTokens;
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
 * The waiting room and the end for all in two real Chromiums, a host and an attendee, at TRTC's edge as the
 * other room tests (the recorder of {@code browser/trtc-recorder.js}): the attendee waits with the preview on,
 * the host sees them and lets them in with the keyboard, the attendee's page enters by itself with the
 * credential the server then issues, and the host's "End for all" takes the attendee's page out. The host
 * locks and unlocks the meeting on the way. Then, in a second meeting, the host turns one attendee away (their
 * page says so) and lets two others in with "Admit all".
 */
class WaitingRoomBrowserIT extends PortalIT {

    private static final String KEY = TestPortal.setting("TRTC_SECRET_KEY");

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    private ChromeDriver browser(String user, String password) {
        ChromeDriver browser = Browsers.chromium("en-US");
        browsers.add(browser);
        Browsers.recordTrtc(browser, "edge");
        Browsers.signIn(browser, base, user, password);
        return browser;
    }

    private static Object js(ChromeDriver browser, String script, Object... args) {
        return browser.executeScript(script, args);
    }

    @Test
    void anAttendeeWaitsIsLetInByTheHostAndLeavesWhenTheHostEndsTheMeeting() {
        String host = TestPortal.uniqueName("wrhost");
        String ann = TestPortal.uniqueName("wrann");
        admin().createSignedInUser(host, "EMPLOYEE", "waiting-host-phrase");
        admin().createSignedInUser(ann, "EMPLOYEE", "waiting-ann-phrase");
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        HttpAnswer created = admin().post("api/meetings", Json.createObjectBuilder().add("title", "Waiting " + ann)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofHours(1)).toString())
                .add("timeZone", "Europe/Berlin").add("hosts", Json.createArrayBuilder().add(host))
                .add("attendees", Json.createArrayBuilder().add(ann)).add("waitingRoom", "ALL_BUT_HOSTS").build());
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        String page = Browsers.localhost(base) + "meeting.xhtml?id=" + id;

        ChromeDriver hostBrowser = browser(host, "waiting-host-phrase");
        hostBrowser.get(page);
        Browsers.waiting(hostBrowser, 15).until(ExpectedConditions.textToBe(By.id("waiting-room-empty"),
                "Nobody is waiting."));
        assertTrue(hostBrowser.findElement(By.id("meeting-waiting-room")).getText().contains("Everyone but the hosts"));
        hostBrowser.findElement(By.id("lock")).sendKeys(Keys.ENTER);
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.textToBe(By.id("lock"), "Unlock the meeting"));
        assertEquals("true", hostBrowser.findElement(By.id("lock")).getAttribute("aria-pressed"));
        assertTrue(admin().get("api/meetings/" + id).json().getBoolean("locked"), "locked on the server");
        hostBrowser.findElement(By.id("lock")).click();
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.textToBe(By.id("lock"), "Lock the meeting"));
        assertEquals(false, admin().get("api/meetings/" + id).json().getBoolean("locked"));

        ChromeDriver annBrowser = browser(ann, "waiting-ann-phrase");
        annBrowser.get(page);
        Browsers.waiting(annBrowser, 30).until(ExpectedConditions.attributeToBe(By.id("lobby"), "data-ready", "true"));
        assertTrue(annBrowser.findElements(By.id("waiting-room")).isEmpty(), "attendees do not see the queue");
        annBrowser.findElement(By.id("join")).click();
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.attributeToBe(By.id("lobby"), "data-waiting", "true"));
        assertEquals("You are in the waiting room. A host will let you in soon.",
                annBrowser.findElement(By.id("join-status")).getText());
        assertTrue((Boolean) js(annBrowser, "const v = document.getElementById('preview');"
                + " return v.readyState >= 2 && v.videoWidth > 0;"), "the camera preview still plays while waiting");
        assertTrue(((List<?>) js(annBrowser, "return window.__trtc.callsOf('enterRoom');")).isEmpty(), "not in the room");

        By admit = By.cssSelector("#waiting-list li[data-user='" + ann + "'] button.admit");
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.elementToBeClickable(admit));
        assertTrue(hostBrowser.findElement(By.id("waiting-list")).getText().contains("Test " + ann));
        Browsers.screenshot(hostBrowser, "waiting-room-host");
        Browsers.screenshot(annBrowser, "waiting-room-attendee");
        long clicked = System.nanoTime();
        hostBrowser.findElement(admit).sendKeys(Keys.ENTER);
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("room")));
        long entered = (System.nanoTime() - clicked) / 1_000_000;
        @SuppressWarnings("unchecked")
        List<List<Object>> enterCalls = (List<List<Object>>) js(annBrowser,
                "return window.__trtc.callsOf('enterRoom').map(c => c.args);");
        assertEquals(1, enterCalls.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) enterCalls.get(0).get(0);
        assertEquals(ann, TrtcTokens.verify((String) config.get("privateMapKey"), KEY).userBuf().account());
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.textToBe(By.id("waiting-room-empty"),
                "Nobody is waiting."));

        Browsers.waiting(hostBrowser, 30).until(ExpectedConditions.attributeToBe(By.id("lobby"), "data-ready", "true"));
        hostBrowser.findElement(By.id("join")).click();
        Browsers.waiting(hostBrowser, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("room")));
        hostBrowser.findElement(By.id("end-for-all")).click();
        Browsers.waiting(hostBrowser, 5).until(ExpectedConditions.elementToBeClickable(By.id("end-confirm")));
        hostBrowser.findElement(By.id("end-cancel")).sendKeys(Keys.ENTER);
        assertTrue(annBrowser.findElement(By.id("room")).isDisplayed(), "kept going");
        hostBrowser.findElement(By.id("end-for-all")).click();
        Browsers.waiting(hostBrowser, 5).until(ExpectedConditions.elementToBeClickable(By.id("end-confirm")));
        clicked = System.nanoTime();
        hostBrowser.findElement(By.id("end-confirm")).click();
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("room-error")));
        long left = (System.nanoTime() - clicked) / 1_000_000;
        assertEquals("The host ended the meeting.", annBrowser.findElement(By.id("room-error-text")).getText());
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.textToBe(By.id("room-error-text"),
                "The host ended the meeting."));
        Browsers.waiting(annBrowser, 10).until(b -> !((List<?>) js(annBrowser,
                "return window.__trtc.callsOf('exitRoom');")).isEmpty());
        System.out.printf("waiting room in Chromium: host's admit to the attendee in the room %d ms;"
                + " host's end (confirmed) to the attendee's page out %d ms%n", entered, left);
    }

    @Test
    void theHostTurnsOneAwayAndLetsTheOthersInTogether() {
        String host = TestPortal.uniqueName("wdhost");
        String ann = TestPortal.uniqueName("wdann");
        admin().createSignedInUser(host, "EMPLOYEE", "waiting-host-phrase");
        admin().createSignedInUser(ann, "EMPLOYEE", "waiting-ann-phrase");
        List<PortalClient> others = new ArrayList<>();
        List<String> otherNames = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String name = TestPortal.uniqueName("wdother");
            otherNames.add(name);
            others.add(admin().createSignedInUser(name, "EMPLOYEE", "waiting-other-phrase"));
        }
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        HttpAnswer created = admin().post("api/meetings", Json.createObjectBuilder().add("title", "Deny " + ann)
                .add("startsAt", start.toString()).add("endsAt", start.plus(Duration.ofHours(1)).toString())
                .add("timeZone", "Europe/Berlin").add("hosts", Json.createArrayBuilder().add(host))
                .add("attendees", Json.createArrayBuilder().add(ann).add(otherNames.get(0)).add(otherNames.get(1)))
                .add("waitingRoom", "ALL_BUT_HOSTS").build());
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        String page = Browsers.localhost(base) + "meeting.xhtml?id=" + id;

        ChromeDriver hostBrowser = browser(host, "waiting-host-phrase");
        hostBrowser.get(page);
        ChromeDriver annBrowser = browser(ann, "waiting-ann-phrase");
        annBrowser.get(page);
        Browsers.waiting(annBrowser, 30).until(ExpectedConditions.attributeToBe(By.id("lobby"), "data-ready", "true"));
        annBrowser.findElement(By.id("join")).click();
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.attributeToBe(By.id("lobby"), "data-waiting", "true"));
        others.forEach(other -> assertEquals(409, other.post("api/meetings/" + id + "/credentials", null).status()));

        By deny = By.cssSelector("#waiting-list li[data-user='" + ann + "'] button.deny");
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.elementToBeClickable(deny));
        hostBrowser.findElement(deny).sendKeys(Keys.ENTER);
        Browsers.waiting(annBrowser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("join-error")));
        assertEquals("A host has not let you into this meeting.", annBrowser.findElement(By.id("join-error-text")).getText());
        assertTrue(((List<?>) js(annBrowser, "return window.__trtc.callsOf('enterRoom');")).isEmpty(), "never in the room");

        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.elementToBeClickable(By.id("admit-all")));
        hostBrowser.findElement(By.id("admit-all")).sendKeys(Keys.ENTER);
        Browsers.waiting(hostBrowser, 10).until(ExpectedConditions.textToBe(By.id("waiting-room-empty"), "Nobody is waiting."));
        others.forEach(other -> assertEquals(200, other.post("api/meetings/" + id + "/credentials", null).status()));
        assertEquals(403, PortalClient.signedIn(base, ann, "waiting-ann-phrase").post("api/meetings/" + id + "/credentials",
                null).status(), "turned away for good");
    }
}
