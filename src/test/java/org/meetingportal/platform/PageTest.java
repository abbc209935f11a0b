package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aPageStartsWhereTheOnesBeforeItEnd() {
        assertEquals(0, Page.offset(0, 25));
        assertEquals(75, Page.offset(3, 25));
        assertEquals(2_147_483_600, Page.offset(21_474_836, 100), "the last page whose start an int can count");
    }

    @Test
    void aPageTooFarToCountStartsAtTheLargestIntInsteadOfOverflowing() {
        assertEquals(Integer.MAX_VALUE, Page.offset(999_999_999, 100));
        assertEquals(Integer.MAX_VALUE, Page.offset(Integer.MAX_VALUE, Page.MAX_SIZE));
    }

    @Test
    void negativePagesAndSizesOutsideTheLimitAreBadInput() {
        assertThrows(DomainException.class, () -> Page.check(-1, 25));
        assertThrows(DomainException.class, () -> Page.check(0, 0));
        assertThrows(DomainException.class, () -> Page.check(0, Page.MAX_SIZE + 1));
        Page.check(Integer.MAX_VALUE, Page.MAX_SIZE);
    }

    @Test
    void pagesCountWhatThereIsInAll() {
        assertEquals(0, new Page<>(List.of(), 0, 25, 0).pageCount());
        assertEquals(1, new Page<>(List.of("a"), 0, 25, 25).pageCount());
        assertEquals(2, new Page<>(List.of("a"), 0, 25, 26).pageCount());
    }
}
