package org.meetingportal.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, with a fresh profile and fake camera and microphone, driven by Debian's
 * chromedriver. Where they are missing the browser tests are skipped on a developer's machine, but fail in
 * CI ({@code CI=true}), where a skipped browser test would be a lie.
 */
public final class Browsers {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browsers() {
    }

    public static ChromeDriver chromium(String language) {
        return chromium(language, "UTC");
    }

    /** A browser whose clock runs in {@code timeZone}, as a person's computer in that place would. */
    public static ChromeDriver chromium(String language, String timeZone) {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            String why = "Chromium and chromedriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory(TestPortal.buildDir(), "chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--window-size=1280,900", "--lang=" + language, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .withEnvironment(Map.of("TZ", timeZone))
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * The portal's address with the host as {@code localhost}: browsers grant camera and microphone only to
     * secure contexts, which plain HTTP is on localhost but not on 127.0.0.1 or a host's address.
     */
    public static String localhost(URL base) {
        return base.getProtocol() + "://localhost:" + base.getPort() + "/";
    }

    /**
     * Installs {@code browser/trtc-recorder.js} in every page this browser opens from now on, before the
     * page's own scripts run; {@code mode} is 'pass', 'edge' or 'edge-expired-once' (see the script).
     */
    public static void recordTrtc(ChromeDriver driver, String mode) {
        String source;
        try (var in = Browsers.class.getResourceAsStream("/browser/trtc-recorder.js")) {
            source = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("__MODE__", mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
    }

    /** Signs in on the login page as a person would, and waits until the portal has let them in. */
    public static void signIn(ChromeDriver driver, URL base, String username, String password) {
        driver.get(localhost(base) + "login.xhtml");
        driver.findElement(By.id("login:username")).sendKeys(username);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
        waiting(driver, 20).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login.xhtml")));
    }

    /**
     * Signs in, opens a meeting's page and joins its room with the microphone off, as a person would; waits
     * until the room shows (at TRTC's edge when {@link #recordTrtc} said so).
     */
    public static void joinMeetingRoom(ChromeDriver driver, URL base, String username, String password, String page) {
        signIn(driver, base, username, password);
        driver.get(page);
        waiting(driver, 30).until(ExpectedConditions.attributeToBe(By.id("lobby"), "data-ready", "true"));
        driver.findElement(By.id("join-mic-off")).click();
        driver.findElement(By.id("join")).click();
        waiting(driver, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("room")));
    }

    /**
     * Waits up to {@code seconds} for {@code condition}. When a page is replaced while an element of the old
     * one is being read, chromedriver does not always say "stale element": sometimes it reports an inspector
     * error that the node "does not belong to the document". Both mean the same thing, "not yet", and are
     * waited through; any other error still fails at once.
     */
    public static WebDriverWait waiting(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)) {
            @Override
            public <V> V until(Function<? super WebDriver, ? extends V> condition) {
                return super.until(page -> {
                    try {
                        return condition.apply(page);
                    } catch (WebDriverException e) {
                        if (replacedWhileRead(e)) {
                            return null;
                        }
                        throw e;
                    }
                });
            }
        };
    }

    static boolean replacedWhileRead(WebDriverException e) {
        String message = e.getMessage();
        return message != null && message.contains("does not belong to the document");
    }

    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(TestPortal.buildDir().resolve("screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
