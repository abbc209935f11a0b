package org.meetingportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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

/** A person in a real headless Chromium: signs in, adds a colleague on the admin page, and that colleague's first sign-in. */
class BrowserIT extends PortalIT {

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        return Browsers.waiting(browser, 20);
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void signIn(String username, String password) {
        type("login:username", username);
        type("login:password", password);
        browser.findElement(By.id("login:submit")).click();
    }

    @Test
    void anAdminSignsInThroughThePageAndAddsAUser() {
        browser = Browsers.chromium("en-US");
        String portal = Browsers.localhost(base);
        browser.get(portal + "admin/users.xhtml");
        waiting().until(ExpectedConditions.urlContains("/login.xhtml"));
        assertEquals("Sign in · Meeting Portal", browser.getTitle());
        signIn("admin", TestPortal.adminPassword());
        waiting().until(ExpectedConditions.urlContains("/admin/users.xhtml"));

        String name = TestPortal.uniqueName("browser");
        type("create:username", name);
        type("create:displayName", "Zhang Min");
        type("create:email", name + "@example.com");
        new Select(browser.findElement(By.id("create:role"))).selectByValue("EMPLOYEE");
        type("create:password", "browser-made-phrase");
        browser.findElement(By.id("create:submit")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "was added"));
        assertTrue(browser.findElement(By.id("users")).getText().contains("Zhang Min"));
        assertTrue(browser.findElement(By.id("users")).getText().contains("Must change password"));
        Path shot = Browsers.screenshot(browser, "admin-users");
        assertTrue(Files.exists(shot));

        browser.findElement(By.id("signout:submit")).click();
        waiting().until(ExpectedConditions.urlContains("/login.xhtml?signedOut=true"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "You have signed out."));
    }

    @Test
    void aNewColleagueChoosesTheirOwnPasswordInChinese() {
        String name = TestPortal.uniqueName("zh");
        admin().createUser(name, "EMPLOYEE", "first-chinese-phrase");
        browser = Browsers.chromium("zh-CN");
        String portal = Browsers.localhost(base);
        browser.get(portal + "index.xhtml");
        waiting().until(ExpectedConditions.urlContains("/login.xhtml"));
        assertEquals("登录 · 会议门户", browser.getTitle());
        signIn(name, "first-chinese-phrase");

        waiting().until(ExpectedConditions.urlContains("/account.xhtml"));
        assertTrue(browser.findElement(By.id("must-change")).getText().contains("请先设置您自己的密码"));
        type("password:current", "first-chinese-phrase");
        type("password:new", "我自己的新密码-2026");
        type("password:repeated", "我自己的新密码-2026");
        browser.findElement(By.id("password:submit")).click();

        waiting().until(ExpectedConditions.urlContains("/index.xhtml"));
        assertTrue(browser.findElement(By.id("messages")).getText().contains("密码已修改"));
        assertTrue(browser.findElement(By.id("greeting")).getText().contains("Test " + name));
        Browsers.screenshot(browser, "first-sign-in-zh");
    }
}
