package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SliceTest {

    @Test
    void aPageStartsWhereTheOnesBeforeItEnd() {
        assertEquals(0, Slice.start(0, 25));
        assertEquals(75, Slice.start(3, 25));
        assertEquals(2_147_483_600, Slice.start(21_474_836, 100), "the last page whose start an int can count");
    }

    @Test
    void aPageTooFarToCountStartsAtTheLargestIntInsteadOfOverflowing() {
        assertEquals(Integer.MAX_VALUE, Slice.start(999_999_999, 100));
        assertEquals(Integer.MAX_VALUE, Slice.start(Integer.MAX_VALUE, Slice.MAX_SIZE));
    }

    @Test
    void negativePagesAndSizesOutsideTheLimitAreBadInput() {
        assertThrows(DomainException.class, () -> Slice.start(-1, 25));
        assertThrows(DomainException.class, () -> Slice.start(0, 0));
        assertThrows(DomainException.class, () -> Slice.start(0, Slice.MAX_SIZE + 1));
        Slice.start(Integer.MAX_VALUE, Slice.MAX_SIZE);
    }

    @Test
    void pagesCountWhatThereIsInAll() {
        assertEquals(0, new Slice<>(List.of(), 0, 25, 0).pageCount());
        assertEquals(1, new Slice<>(List.of("a"), 0, 25, 25).pageCount());
        assertEquals(2, new Slice<>(List.of("a"), 0, 25, 26).pageCount());
    }
}
