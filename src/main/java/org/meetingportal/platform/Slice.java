package org.meetingportal.platform;

import java.util.List;

/** A slice of a longer list, as one page shows it: the items, the page number (from 0), its size and how many there are in all. */
public record Slice<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    public Slice {
        items = List.copyOf(items);
    }

    /**
     * Where page {@code page} of {@code size} items starts in the whole list. A page number below 0 or a size
     * outside 1..{@link #MAX_SIZE} is bad input naming "page". A page number so large that its start does not
     * fit in an int starts at the largest int instead: like any page past the end, it is empty, not an
     * overflow.
     */
    public static int start(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            new FieldProblems().add("page", "page.invalid", MAX_SIZE).throwIfAny();
        }
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
