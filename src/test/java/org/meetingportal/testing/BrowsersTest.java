package org.meetingportal.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/** The browser tests' wait: a page replaced under a read is "not yet", any other error is a failure. */
class BrowsersTest {

    private static final WebDriver NO_BROWSER = (WebDriver) Proxy.newProxyInstance(
            WebDriver.class.getClassLoader(), new Class<?>[] {WebDriver.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void anElementOfAPageThatWasReplacedIsWaitedThrough() {
        AtomicInteger reads = new AtomicInteger();
        Boolean seen = Browsers.waiting(NO_BROWSER, 5).until(page -> {
            if (reads.incrementAndGet() == 1) {
                throw new WebDriverException("unknown error: unhandled inspector error: "
                        + "{\"code\":-32000,\"message\":\"Node with given id does not belong to the document\"}");
            }
            return true;
        });
        assertEquals(Boolean.TRUE, seen);
        assertEquals(2, reads.get());
    }

    @Test
    void anyOtherBrowserErrorFailsAtOnce() {
        AtomicInteger reads = new AtomicInteger();
        WebDriverException crash = new WebDriverException("chrome not reachable");
        WebDriverException thrown = assertThrows(WebDriverException.class,
                () -> Browsers.waiting(NO_BROWSER, 5).until(page -> {
                    reads.incrementAndGet();
                    throw crash;
                }));
        assertSame(crash, thrown);
        assertEquals(1, reads.get());
    }
}
