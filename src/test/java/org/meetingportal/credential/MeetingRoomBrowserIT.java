package org.meetingportal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The meeting room in a real Chromium with fake camera and microphone and the real {@code trtc.js}. TRTC's
 * cloud cannot be reached from here, so the tests go up to that edge: a recorder installed before the page's
 * scripts wraps the real {@code TRTC.create} (see {@code browser/trtc-recorder.js}). Nothing here asserts that
 * a room was entered; what is asserted is what the page hands the SDK and how it shows what the SDK reports.
 */
class MeetingRoomBrowserIT extends PortalIT {

    private static final String KEY = TestPortal.setting("TRTC_SECRET_KEY");
    private static final long APP_ID = TestPortal.numericSetting("TRTC_SDK_APP_ID");
    private static final long KEY_TTL = TestPortal.numericSetting("PORTAL_PRIVATEMAPKEY_TTL_SECONDS");
    private static final long USER_SIG_TTL = TestPortal.numericSetting("PORTAL_USERSIG_TTL_SECONDS");

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    private ChromeDriver browser(String language, String recorderMode) {
        ChromeDriver browser = Browsers.chromium(language);
        browsers.add(browser);
        Browsers.recordTrtc(browser, recorderMode);
        return browser;
    }

    private static WebDriverWait waiting(ChromeDriver browser, int seconds) {
        return Browsers.waiting(browser, seconds);
    }

    private JsonObject schedule(String title, Duration startIn, String rights, boolean muteOnEntry, String... attendees) {
        return schedule(title, startIn, Duration.ofHours(1), rights, muteOnEntry, attendees);
    }

    private JsonObject schedule(String title, Duration startIn, Duration length, String rights, boolean muteOnEntry,
            String... attendees) {
        Instant start = Instant.now().plus(startIn);
        var people = Json.createArrayBuilder();
        for (String attendee : attendees) {
            people.add(attendee);
        }
        HttpAnswer created = admin().post("api/meetings", Json.createObjectBuilder().add("title", title)
                .add("startsAt", start.toString()).add("endsAt", start.plus(length).toString())
                .add("timeZone", "Europe/Berlin").add("attendees", people).add("access", "INVITED")
                .add("attendeeRights", rights).add("muteOnEntry", muteOnEntry).build());
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    private static Object js(ChromeDriver browser, String script, Object... args) {
        return browser.executeScript(script, args);
    }

    /** The arguments of each recorded call of {@code method}, oldest first. */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> calls(ChromeDriver browser, String method) {
        return (List<List<Object>>) js(browser, "return window.__trtc.callsOf(arguments[0]).map(c => c.args);", method);
    }

    private static void emit(ChromeDriver browser, String event, String payloadJson) {
        Object handlers = js(browser, "return window.__trtc.emit(arguments[0], JSON.parse(arguments[1]));", event, payloadJson);
        assertNotEquals(0L, handlers, () -> "the page registers a handler for " + event + " before entering");
    }

    private static void waitForLobby(ChromeDriver browser) {
        waiting(browser, 30).until(ExpectedConditions.attributeToBe(By.id("lobby"), "data-ready", "true"));
    }

    private static WebElement tile(ChromeDriver browser, String user, String stream) {
        List<WebElement> tiles = browser.findElements(By.cssSelector(
                ".tile[data-user='" + user + "'][data-stream='" + stream + "']"));
        return tiles.isEmpty() ? null : tiles.get(0);
    }

    @Test
    void fromMyMeetingsToALobbyWithPreviewThenIntoTheRoomWithTheIssuedCredential() throws IOException {
        String name = TestPortal.uniqueName("room");
        String colleague = TestPortal.uniqueName("peer");
        admin().createSignedInUser(name, "EMPLOYEE", "room-attendee-phrase");
        admin().createUser(colleague, "EMPLOYEE", "room-colleague-phrase");
        JsonObject meeting = schedule("Weekly sync " + name, Duration.ofMinutes(-2), "FULL", true, name, colleague);
        long id = meeting.getJsonNumber("id").longValue();
        long roomId = meeting.getJsonNumber("roomId").longValue();

        ChromeDriver browser = browser("en-US", "edge");
        Browsers.signIn(browser, base, name, "room-attendee-phrase");
        browser.get(Browsers.localhost(base) + "index.xhtml");
        browser.findElement(By.cssSelector("a.join[href$='meeting.xhtml?id=" + id + "']")).click();
        waitForLobby(browser);

        // Lobby: real preview from the fake camera, device lists from the SDK, a moving level meter.
        assertTrue((Boolean) js(browser, "const v = document.getElementById('preview');"
                + " return v.readyState >= 2 && v.videoWidth > 0;"), "the camera preview plays");
        for (String chooser : List.of("camera", "microphone")) {
            WebElement select = browser.findElement(By.id(chooser));
            assertTrue(select.isEnabled(), chooser + " chooser enabled");
            assertFalse(select.findElements(By.tagName("option")).isEmpty(), chooser + " lists a device");
        }
        waiting(browser, 15).until(b -> ((Number) js(browser, "return document.getElementById('mic-level').value;"))
                .doubleValue() > 0);
        assertTrue(browser.findElement(By.id("join-mic-off")).isSelected(), "mute on entry preselects microphone off");
        assertEquals("This browser supports video meetings.", browser.findElement(By.id("support")).getText());
        Browsers.screenshot(browser, "room-lobby");

        browser.findElement(By.id("join")).click();
        waiting(browser, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("room")));

        // enterRoom got exactly the credential the server issued to this person for this meeting.
        List<List<Object>> entered = calls(browser, "enterRoom");
        assertEquals(1, entered.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) entered.get(0).get(0);
        assertEquals(APP_ID, ((Number) config.get("sdkAppId")).longValue());
        assertEquals(name, config.get("userId"));
        assertEquals(roomId, ((Number) config.get("roomId")).longValue());
        TrtcTokens.Token userSig = TrtcTokens.verify((String) config.get("userSig"), KEY);
        assertEquals(name, userSig.identifier());
        TrtcTokens.Token key = TrtcTokens.verify((String) config.get("privateMapKey"), KEY);
        assertEquals(name, key.userBuf().account());
        assertEquals(roomId, key.userBuf().roomId());
        assertEquals(255, key.userBuf().privileges());
        assertTrue(Math.abs(key.userBuf().expiresAt() - Instant.now().plusSeconds(KEY_TTL).getEpochSecond()) < 15);
        String audit = admin().page("admin/audit.xhtml?user=" + name + "&meeting=" + id).body();
        assertTrue(audit.contains(name), "the issue is in the audit");

        // Local capture through the real SDK, with the lobby's choices.
        assertEquals(Boolean.TRUE, deep(calls(browser, "startLocalAudio").get(0), "mute"), "joined with microphone off");
        assertEquals(1, calls(browser, "startLocalVideo").size());
        waiting(browser, 15).until(b -> (Boolean) js(browser,
                "const v = document.querySelector(\".tile[data-user=''] video\"); return !!v && v.videoWidth > 0;"));
        WebElement mic = browser.findElement(By.id("toggle-mic"));
        assertEquals("Unmute", mic.getText());
        mic.click();
        waiting(browser, 5).until(ExpectedConditions.textToBe(By.id("toggle-mic"), "Mute"));
        assertEquals(Boolean.FALSE, deep(last(calls(browser, "updateLocalAudio")), "mute"));
        assertTrue(tile(browser, "", "main").findElement(By.cssSelector(".mic-off")).getAttribute("hidden") != null);
        browser.findElement(By.id("toggle-camera")).click();
        waiting(browser, 5).until(ExpectedConditions.textToBe(By.id("toggle-camera"), "Turn camera on"));
        assertEquals(Boolean.TRUE, deep(last(calls(browser, "updateLocalVideo")), "mute"));
        assertTrue(tile(browser, "", "main").getAttribute("class").contains("camera-off"));

        // The SDK's documented events, fed to the page's own handlers.
        emit(browser, "remote-user-enter", "{\"userId\":\"" + colleague + "\"}");
        emit(browser, "remote-user-enter", "{\"userId\":\"visitor-7\"}");
        emit(browser, "remote-video-available", "{\"userId\":\"" + colleague + "\",\"streamType\":\"main\"}");
        emit(browser, "remote-audio-available", "{\"userId\":\"" + colleague + "\"}");
        emit(browser, "remote-video-available", "{\"userId\":\"" + colleague + "\",\"streamType\":\"sub\"}");
        // The real SDK reports the local volume every 300 ms too: read the result in the same turn as the event.
        String speakingClass = (String) js(browser, "window.__trtc.emit('audio-volume', JSON.parse(arguments[0]));"
                + " return document.querySelector(`.tile[data-user='${arguments[1]}'][data-stream='main']`).className;",
                "{\"result\":[{\"userId\":\"" + colleague + "\",\"volume\":60,\"floatVolume\":0.6},"
                + "{\"userId\":\"visitor-7\",\"volume\":2,\"floatVolume\":0.02}]}", colleague);
        emit(browser, "network-quality", "{\"uplinkNetworkQuality\":1,\"downlinkNetworkQuality\":2,\"uplinkRTT\":20,"
                + "\"uplinkLoss\":0,\"downlinkRTT\":25,\"downlinkLoss\":0}");
        WebElement peer = tile(browser, colleague, "main");
        assertEquals("Test " + colleague, peer.findElement(By.cssSelector(".tile-name")).getText(),
                "labelled with the display name from /participants");
        assertEquals("visitor-7", tile(browser, "visitor-7", "main").findElement(By.cssSelector(".tile-name")).getText(),
                "someone the portal does not know is labelled by their id");
        assertTrue(speakingClass.contains("speaking"), speakingClass);
        assertFalse(peer.getAttribute("class").contains("camera-off"));
        assertTrue(tile(browser, "visitor-7", "main").findElement(By.cssSelector(".mic-off")).isDisplayed());
        assertEquals("Screen of Test " + colleague,
                tile(browser, colleague, "sub").findElement(By.cssSelector(".tile-name")).getText());
        assertTrue(calls(browser, "startRemoteVideo").stream().anyMatch(c -> colleague.equals(deep(c, "userId"))
                && "sub".equals(deep(c, "streamType"))));
        assertEquals("Network: good", browser.findElement(By.id("network")).getText());
        assertTrue(browser.findElement(By.id("people")).getText().contains("Test " + colleague));
        emit(browser, "connection-state-changed", "{\"prevState\":\"CONNECTED\",\"state\":\"CONNECTING\"}");
        assertTrue(browser.findElement(By.id("room-banner")).getText().contains("Reconnecting"));
        emit(browser, "autoplay-failed", "{\"userId\":\"" + colleague + "\",\"mediaType\":\"audio\"}");
        assertTrue(browser.findElement(By.id("enable-sound")).isDisplayed());
        Browsers.screenshot(browser, "room-in-meeting");

        // Screen share: the page asks the real SDK, and the browser's own "Stop sharing" bar (the SDK's
        // screen-share-stopped event) puts everything back.
        browser.findElement(By.id("toggle-screen")).click();
        waiting(browser, 10).until(b -> !calls(browser, "startScreenShare").isEmpty());
        assertEquals(Boolean.TRUE, deep(calls(browser, "startScreenShare").get(0), "publish"));
        emit(browser, "screen-share-stopped", "{}");
        waiting(browser, 5).until(ExpectedConditions.textToBe(By.id("toggle-screen"), "Share screen"));
        assertEquals(null, tile(browser, "", "sub"), "no tile of one's own screen after the share ended");
        emit(browser, "connection-state-changed", "{\"prevState\":\"CONNECTING\",\"state\":\"CONNECTED\"}");
        assertFalse(browser.findElement(By.id("room-banner")).isDisplayed());
        emit(browser, "remote-video-unavailable", "{\"userId\":\"" + colleague + "\",\"streamType\":\"sub\"}");
        emit(browser, "remote-user-exit", "{\"userId\":\"" + colleague + "\"}");
        assertEquals(null, tile(browser, colleague, "main"));
        assertEquals(null, tile(browser, colleague, "sub"));
        assertFalse(browser.findElement(By.id("people")).getText().contains("Test " + colleague));

        // Before the key expires the page fetches a fresh one and hands it over without leaving.
        waiting(browser, (int) KEY_TTL + 10).until(b -> !calls(browser, "switchRole").isEmpty());
        List<Object> switched = calls(browser, "switchRole").get(0);
        assertEquals("anchor", switched.get(0));
        String renewed = (String) ((Map<?, ?>) switched.get(1)).get("privateMapKey");
        assertNotEquals(config.get("privateMapKey"), renewed);
        TrtcTokens.Token fresh = TrtcTokens.verify(renewed, KEY);
        assertEquals(name, fresh.userBuf().account());
        assertEquals(roomId, fresh.userBuf().roomId());
        assertTrue(fresh.userBuf().expiresAt() > key.userBuf().expiresAt());
        assertEquals(0, calls(browser, "exitRoom").size(), "renewed without leaving the room");

        browser.findElement(By.id("leave")).click();
        waiting(browser, 10).until(ExpectedConditions.urlContains("/index.xhtml"));
        @SuppressWarnings("unchecked")
        List<String> before = (List<String>) js(browser, "return window.__trtc.previous.map(c => c.method);");
        int exit = before.indexOf("exitRoom");
        assertTrue(exit > before.indexOf("stopLocalVideo") && exit > before.indexOf("stopLocalAudio")
                && before.indexOf("stopLocalVideo") >= 0 && before.indexOf("destroy") > exit,
                "left the room: capture stopped, exited, destroyed: " + before);
    }

    @Test
    void aRoomThatCannotBeReachedSaysSoWithinItsBoundInChinese() {
        String name = TestPortal.uniqueName("reach");
        admin().createSignedInUser(name, "EMPLOYEE", "reach-attendee-phrase");
        long id = schedule("Unreachable " + name, Duration.ofMinutes(-1), "FULL", false, name)
                .getJsonNumber("id").longValue();
        ChromeDriver browser = browser("zh-CN", "pass");
        Browsers.signIn(browser, base, name, "reach-attendee-phrase");
        long opened = System.nanoTime();
        browser.get(Browsers.localhost(base) + "meeting.xhtml?id=" + id);
        waitForLobby(browser);
        long ready = System.nanoTime();
        browser.findElement(By.id("join")).click();
        long clicked = System.nanoTime();
        waiting(browser, 25).until(ExpectedConditions.visibilityOfElementLocated(By.id("join-error")));
        long seconds = Duration.ofNanos(System.nanoTime() - clicked).toSeconds();
        String error = browser.findElement(By.id("join-error-text")).getText();
        assertTrue(error.contains("无法连接视频服务"), error);
        assertTrue(error.contains("UDP"), "names the ports to open: " + error);
        assertTrue(seconds <= 20, "said within the bound, took " + seconds + " s");
        assertFalse(browser.findElement(By.id("room")).isDisplayed(), "never a half-entered room");
        assertTrue(browser.findElement(By.id("join")).isEnabled(), "can try again");
        assertEquals(1, calls(browser, "enterRoom").size(), "the real SDK was asked to enter");
        Browsers.screenshot(browser, "room-unreachable-zh");
        System.out.printf("room: lobby ready %d ms after opening; unreachable said %d s after joining%n",
                Duration.ofNanos(ready - opened).toMillis(), seconds);
    }

    @Test
    void viewOnlyAttendeesPublishNothingAndAFreshCredentialIsFetchedOnceWhenTheFirstHadExpired() {
        String name = TestPortal.uniqueName("watch");
        admin().createSignedInUser(name, "EMPLOYEE", "watch-attendee-phrase");
        long id = schedule("Town hall " + name, Duration.ofMinutes(-1), Duration.ofMinutes(5), "VIEW_ONLY", false, name)
                .getJsonNumber("id").longValue();
        ChromeDriver browser = browser("en-US", "edge-expired-once");
        Browsers.signIn(browser, base, name, "watch-attendee-phrase");
        browser.get(Browsers.localhost(base) + "meeting.xhtml?id=" + id);
        waitForLobby(browser);
        assertTrue(browser.findElement(By.id("view-only-note")).isDisplayed());
        assertTrue(browser.findElements(By.id("join-mic-off")).isEmpty());
        browser.findElement(By.id("join")).click();
        waiting(browser, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("room")));

        List<List<Object>> entered = calls(browser, "enterRoom");
        assertEquals(2, entered.size(), "one retry after 'UserSig expired'");
        assertEquals(2L, js(browser, "return window.__trtc.requests.filter(r => r.method === 'POST'"
                + " && r.url.endsWith('/credentials')).length;"), "with a fresh credential from the portal");
        assertEquals(171L, TrtcTokens.verify((String) deep(entered.get(1), "privateMapKey"), KEY).userBuf().privileges());
        assertTrue(browser.findElement(By.id("room-view-only")).isDisplayed());
        assertTrue(calls(browser, "startLocalAudio").isEmpty() && calls(browser, "startLocalVideo").isEmpty(),
                "publishes nothing");
        for (String control : List.of("toggle-mic", "toggle-camera", "toggle-screen")) {
            assertFalse(browser.findElement(By.id(control)).isDisplayed(), control + " hidden");
        }
        waiting(browser, 5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("room-banner"),
                "This meeting ends in five minutes"));

        emit(browser, "error", "{\"name\":\"RtcError\",\"code\":5500,\"extraCode\":5501,\"message\":\"firewall\"}");
        waiting(browser, 5).until(ExpectedConditions.visibilityOfElementLocated(By.id("room-error")));
        String error = browser.findElement(By.id("room-error-text")).getText();
        assertTrue(error.contains("firewall") && error.contains("16285") && error.contains("*.rtc.qq.com"), error);
        assertTrue(calls(browser, "exitRoom").size() >= 1, "left the room");
        Browsers.screenshot(browser, "room-firewall-error");
    }

    @Test
    void aStayOutlivesItsUserSigAndEntersAgainWithAFreshOneWhenTheConnectionDrops() throws InterruptedException {
        String name = TestPortal.uniqueName("long");
        admin().createSignedInUser(name, "EMPLOYEE", "long-stay-phrase");
        long id = schedule("Long review " + name, Duration.ofMinutes(-1), "FULL", false, name)
                .getJsonNumber("id").longValue();
        ChromeDriver browser = browser("en-US", "edge");
        Browsers.signIn(browser, base, name, "long-stay-phrase");
        browser.get(Browsers.localhost(base) + "meeting.xhtml?id=" + id);
        waitForLobby(browser);
        browser.findElement(By.id("join")).click();
        waiting(browser, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("room")));
        TrtcTokens.Token first = TrtcTokens.verify((String) deep(calls(browser, "enterRoom").get(0), "userSig"), KEY);
        assertEquals(USER_SIG_TTL, first.expire(), "the UserSig lives PORTAL_USERSIG_TTL_SECONDS");

        long pastIt = (first.time() + first.expire() + 2) * 1000 - System.currentTimeMillis();
        Thread.sleep(Math.max(0, pastIt));
        assertFalse(browser.findElement(By.id("room-error")).isDisplayed(), "still in the room past the UserSig's life");
        assertTrue(calls(browser, "switchRole").size() >= 2, "the PrivateMapKey was renewed in the room");
        assertEquals(1, calls(browser, "enterRoom").size());

        // The network drops; the SDK's own rejoin uses the UserSig it entered with, long expired, and fails.
        emit(browser, "connection-state-changed", "{\"prevState\":\"CONNECTED\",\"state\":\"RECONNECTING\"}");
        emit(browser, "error", "{\"name\":\"RtcError\",\"code\":5500,\"extraCode\":5502,\"message\":\"rejoin failed\"}");
        waiting(browser, 10).until(b -> calls(browser, "enterRoom").size() == 2);
        List<Object> again = calls(browser, "enterRoom").get(1);
        TrtcTokens.Token fresh = TrtcTokens.verify((String) deep(again, "userSig"), KEY);
        long now = Instant.now().getEpochSecond();
        assertTrue(fresh.time() + fresh.expire() > now, "entered again with a UserSig that is still valid");
        assertTrue(fresh.time() > first.time() + first.expire() - fresh.expire() / 2, "a fresh one, not the first");
        assertEquals(first.identifier(), fresh.identifier());
        TrtcTokens.Token key = TrtcTokens.verify((String) deep(again, "privateMapKey"), KEY);
        assertEquals(((Number) deep(again, "roomId")).longValue(), key.userBuf().roomId());
        assertTrue(key.time() + key.expire() > now);
        assertFalse(calls(browser, "exitRoom").isEmpty(), "left the broken stay before entering again");
        assertFalse(browser.findElement(By.id("room-error")).isDisplayed(), "and the person is still in the room");
        Browsers.screenshot(browser, "room-entered-again");
    }

    @Test
    void aMeetingCancelledWhileInsideEndsTheStayWithASentence() {
        String name = TestPortal.uniqueName("cncl");
        admin().createSignedInUser(name, "EMPLOYEE", "cancel-attendee-phrase");
        long id = schedule("Cancelled later " + name, Duration.ofMinutes(-1), "NO_SCREEN_SHARE", false, name)
                .getJsonNumber("id").longValue();
        ChromeDriver browser = browser("en-US", "edge");
        Browsers.signIn(browser, base, name, "cancel-attendee-phrase");
        browser.get(Browsers.localhost(base) + "meeting.xhtml?id=" + id);
        waitForLobby(browser);
        browser.findElement(By.id("join-camera-off")).click();
        waiting(browser, 5).until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-off")));
        browser.findElement(By.id("join")).click();
        waiting(browser, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("room")));
        assertTrue(calls(browser, "startLocalVideo").isEmpty(), "joined with the camera off");
        assertFalse(browser.findElement(By.id("toggle-screen")).isDisplayed(), "no screen sharing for these attendees");
        emit(browser, "kicked-out", "{\"reason\":\"kick\"}");
        waiting(browser, 5).until(ExpectedConditions.visibilityOfElementLocated(By.id("room-error")));
        assertTrue(browser.findElement(By.id("room-error-text")).getText().contains("another window or device"));

        browser.navigate().refresh();
        waitForLobby(browser);
        browser.findElement(By.id("join")).click();
        waiting(browser, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("room")));
        assertEquals(200, admin().delete("api/meetings/" + id).status());
        waiting(browser, (int) KEY_TTL + 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("room-error")));
        assertTrue(browser.findElement(By.id("room-error-text")).getText().contains("removed from the meeting or it was cancelled"),
                browser.findElement(By.id("room-error-text")).getText());
        Browsers.screenshot(browser, "room-cancelled");
    }

    @Test
    void earlyVisitorsCheckTheirDevicesAndOutsidersGetNotFound() throws IOException {
        String name = TestPortal.uniqueName("early");
        admin().createSignedInUser(name, "EMPLOYEE", "early-attendee-phrase");
        PortalClient outsider = admin().createSignedInUser(TestPortal.uniqueName("outs"), "EMPLOYEE", "outsider-phrase");
        long id = schedule("Later today " + name, Duration.ofHours(2), "FULL", false, name).getJsonNumber("id").longValue();
        assertEquals(404, outsider.page("meeting.xhtml?id=" + id).status());

        ChromeDriver browser = browser("en-US", "edge");
        Browsers.signIn(browser, base, name, "early-attendee-phrase");
        List<Long> readyMillis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long opened = System.nanoTime();
            browser.get(Browsers.localhost(base) + "meeting.xhtml?id=" + id);
            waitForLobby(browser);
            readyMillis.add(Duration.ofNanos(System.nanoTime() - opened).toMillis());
        }
        assertFalse(browser.findElement(By.id("join")).isEnabled(), "joining opens later");
        assertTrue(browser.findElement(By.id("join-status")).getText().contains("joining opens at the time shown"));
        assertTrue(browser.findElement(By.cssSelector("[data-countdown]")).getText().startsWith("opens in"));
        assertTrue((Boolean) js(browser, "return document.getElementById('preview').videoWidth > 0;"));
        Browsers.screenshot(browser, "room-lobby-early");

        @SuppressWarnings("unchecked")
        Map<String, Object> weight = (Map<String, Object>) js(browser, """
                const entries = [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')];
                const sum = (f) => entries.reduce((s, e) => s + (e[f] || 0), 0);
                return { requests: entries.length, decoded: sum('decodedBodySize'), encoded: sum('encodedBodySize') };""");
        Collections.sort(readyMillis);
        String figures = String.format("meeting page: %s requests, %,d bytes, %,d bytes as sent (gzip); "
                + "opening to ready-to-join (preview playing, devices listed): median %d ms, max %d ms over %d loads%n",
                weight.get("requests"), ((Number) weight.get("decoded")).longValue(), ((Number) weight.get("encoded")).longValue(),
                readyMillis.get(readyMillis.size() / 2), readyMillis.get(readyMillis.size() - 1), readyMillis.size());
        System.out.print(figures);
        TestPortal.writeFigures("meeting-page", figures);
    }

    @Test
    void theDeviceCheckPageReportsHonestlyWhatWorksHere() {
        String name = TestPortal.uniqueName("chk");
        admin().createSignedInUser(name, "EMPLOYEE", "check-page-phrase");
        ChromeDriver browser = browser("en-US", "pass");
        Browsers.signIn(browser, base, name, "check-page-phrase");
        browser.get(Browsers.localhost(base) + "check.xhtml");
        waiting(browser, 30).until(ExpectedConditions.attributeToBe(By.id("check"), "data-ready", "true"));
        assertTrue((Boolean) js(browser, "return document.getElementById('preview').videoWidth > 0;"));
        String service = browser.findElement(By.id("service")).getText();
        // This machine has no route to Tencent: the page must say so rather than claim otherwise.
        assertTrue(service.contains("cannot be reached"), service);
        String report = browser.findElement(By.id("report")).getAttribute("value");
        assertTrue(report.contains("Video SDK: TRTC Web SDK 5.17.1"), report);
        assertTrue(report.contains("Video service reachable: false"), report);
        assertTrue(report.contains("Cameras: ") && !report.contains("Cameras: -"), report);
        Browsers.screenshot(browser, "device-check");
    }

    private static Object deep(Object args, String field) {
        Object first = args instanceof List<?> list ? list.get(0) : args;
        return first instanceof Map<?, ?> map ? map.get(field) : null;
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
