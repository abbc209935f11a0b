package org.meetingportal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A person's UserSig is handed out again while half its life is left, and signed anew after that. */
class UserSigsTest {

    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    private final UserSigs userSigs = new UserSigs();
    private final AtomicInteger signed = new AtomicInteger();
    private final Supplier<String> sign = () -> "sig-" + signed.incrementAndGet();

    @Test
    void theSameUserSigComesBackWhileHalfItsLifeIsLeft() {
        UserSigs.Issued first = userSigs.of("li.wei", NOON, TWO_HOURS, sign);
        assertEquals(NOON.plus(TWO_HOURS), first.expiresAt());
        assertSame(first, userSigs.of("li.wei", NOON.plusSeconds(240), TWO_HOURS, sign));
        assertSame(first, userSigs.of("li.wei", NOON.plus(Duration.ofHours(1)), TWO_HOURS, sign), "exactly half left");
        assertEquals(1, signed.get());
    }

    @Test
    void aNewOneIsSignedOnceLessThanHalfIsLeft() {
        UserSigs.Issued first = userSigs.of("li.wei", NOON, TWO_HOURS, sign);
        Instant later = NOON.plus(Duration.ofHours(1)).plusSeconds(1);
        UserSigs.Issued second = userSigs.of("li.wei", later, TWO_HOURS, sign);
        assertNotEquals(first.userSig(), second.userSig());
        assertEquals(later.plus(TWO_HOURS), second.expiresAt());
        assertSame(second, userSigs.of("li.wei", later.plusSeconds(60), TWO_HOURS, sign));
    }

    @Test
    void everyPersonHasTheirOwn() {
        UserSigs.Issued ann = userSigs.of("ann", NOON, TWO_HOURS, sign);
        UserSigs.Issued bob = userSigs.of("bob", NOON, TWO_HOURS, sign);
        assertNotEquals(ann.userSig(), bob.userSig());
        assertSame(ann, userSigs.of("ann", NOON.plusSeconds(1), TWO_HOURS, sign));
    }

    @Test
    void expiredOnesAreDroppedAsNewOnesAreMade() {
        userSigs.of("ann", NOON, TWO_HOURS, sign);
        userSigs.of("bob", NOON.plus(Duration.ofMinutes(90)), TWO_HOURS, sign);
        assertEquals(2, userSigs.size());
        userSigs.of("carol", NOON.plus(TWO_HOURS), TWO_HOURS, sign);
        assertEquals(2, userSigs.size(), "ann's expired at that moment and is gone; bob's and carol's stay");
    }

    @Test
    void itDoesNotShowTheUserSig() {
        assertEquals(false, userSigs.of("ann", NOON, TWO_HOURS, sign).toString().contains("sig-"));
    }
}
