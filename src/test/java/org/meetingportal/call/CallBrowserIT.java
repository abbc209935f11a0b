package org.meetingportal.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meetingportal.credential.TrtcTokens;
import org.meetingportal.testing.Browsers;
import org.meetingportal.testing.PortalIT;
import org.meetingportal.testing.TestPortal;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two people in two browsers: one calls from the Calls page, the other's "My meetings" page rings, the call
 * is accepted, both pages reach the TRTC SDK's edge with their own server-issued credential for the same
 * room (recorded, see {@code browser/trtc-recorder.js}; no room is really entered), then one hangs up.
 */
class CallBrowserIT extends PortalIT {

    private static final String KEY = TestPortal.setting("TRTC_SECRET_KEY");

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    private ChromeDriver signedIn(String username, String password) {
        ChromeDriver browser = Browsers.chromium("en-US");
        browsers.add(browser);
        Browsers.recordTrtc(browser, "edge");
        Browsers.signIn(browser, base, username, password);
        return browser;
    }

    private static WebDriverWait waiting(ChromeDriver browser) {
        return Browsers.waiting(browser, 20);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> enteredWith(ChromeDriver browser) {
        waiting(browser).until(b -> ((Number) browser.executeScript(
                "return window.__trtc.callsOf('enterRoom').length;")).intValue() == 1);
        return (Map<String, Object>) browser.executeScript("return window.__trtc.callsOf('enterRoom')[0].args[0];");
    }

    @Test
    void ringAcceptBothReachTheSdkEdgeWithTheirOwnCredentialThenHangUp() {
        String caller = TestPortal.uniqueName("clr");
        String callee = TestPortal.uniqueName("cle");
        admin().createSignedInUser(caller, "EMPLOYEE", "caller-browser-phrase");
        admin().createSignedInUser(callee, "EMPLOYEE", "callee-browser-phrase");

        ChromeDriver calleeBrowser = signedIn(callee, "callee-browser-phrase");
        ChromeDriver callerBrowser = signedIn(caller, "caller-browser-phrase");
        callerBrowser.get(Browsers.localhost(base) + "calls.xhtml?q=" + callee);
        By presence = By.cssSelector(".colleague[data-user='" + callee + "'] .presence");
        waiting(callerBrowser).until(ExpectedConditions.textToBe(presence, "Online"));
        Browsers.screenshot(callerBrowser, "calls-page");
        callerBrowser.findElement(By.cssSelector("[data-call-to='" + callee + "'][data-media='video']")).click();
        waiting(callerBrowser).until(ExpectedConditions.urlContains("/call.xhtml?id="));
        waiting(callerBrowser).until(ExpectedConditions.textToBe(By.id("call-state"), "Calling Test " + callee + "…"));

        waiting(calleeBrowser).until(ExpectedConditions.visibilityOfElementLocated(By.id("incoming-call")));
        assertEquals("Test " + caller + " is calling you (video).", calleeBrowser.findElement(By.id("incoming-text")).getText());
        Browsers.screenshot(calleeBrowser, "call-incoming");
        calleeBrowser.findElement(By.id("incoming-accept")).click();
        waiting(calleeBrowser).until(ExpectedConditions.urlContains("/call.xhtml?id="));

        Map<String, Object> callerEntry = enteredWith(callerBrowser);
        Map<String, Object> calleeEntry = enteredWith(calleeBrowser);
        assertEquals(caller, callerEntry.get("userId"));
        assertEquals(callee, calleeEntry.get("userId"));
        long room = ((Number) callerEntry.get("roomId")).longValue();
        assertEquals(room, ((Number) calleeEntry.get("roomId")).longValue(), "both in the call's own room");
        for (Map<String, Object> entry : List.of(callerEntry, calleeEntry)) {
            TrtcTokens.Token key = TrtcTokens.verify((String) entry.get("privateMapKey"), KEY);
            assertEquals(entry.get("userId"), key.userBuf().account());
            assertEquals(room, key.userBuf().roomId());
            assertEquals(entry.get("userId"), TrtcTokens.verify((String) entry.get("userSig"), KEY).identifier());
        }
        for (ChromeDriver browser : List.of(callerBrowser, calleeBrowser)) {
            waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("room")));
        }
        assertTrue(callerBrowser.findElement(By.id("call-state")).getText().contains("In a call with Test " + callee));
        Browsers.screenshot(callerBrowser, "call-caller-in-call");
        Browsers.screenshot(calleeBrowser, "call-callee-in-call");

        callerBrowser.findElement(By.id("leave")).click();
        waiting(callerBrowser).until(ExpectedConditions.urlContains("/calls.xhtml"));
        waiting(calleeBrowser).until(ExpectedConditions.visibilityOfElementLocated(By.id("room-error")));
        assertEquals("The call has ended.", calleeBrowser.findElement(By.id("room-error-text")).getText());
        Browsers.screenshot(calleeBrowser, "call-ended");
        callerBrowser.navigate().refresh();
        assertTrue(callerBrowser.findElement(By.id("recent-calls")).getText().contains("Test " + callee));
    }
}
