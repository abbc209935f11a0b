package org.meetingportal.platform;

import java.util.List;

/** One page of a longer list: the items, the page number (from 0), its size and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    public Page {
        items = List.copyOf(items);
    }

    /** Refuses a page number below 0 or a size outside 1..{@link #MAX_SIZE} as bad input naming "page". */
    public static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            new FieldProblems().add("page", "page.invalid", MAX_SIZE).throwIfAny();
        }
    }

    /**
     * Where the page starts in the whole list. A page number so large that its start does not fit in an int
     * starts at the largest int instead: like any page past the end, it is empty, not an overflow.
     */
    public static int offset(int page, int size) {
        return (int) Math.min((long) page * size, Integer.MAX_VALUE);
    }

    public int pageCount() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pageCount();
    }
}
