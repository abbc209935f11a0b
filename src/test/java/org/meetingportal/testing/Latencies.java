package org.meetingportal.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Samples of how long something took, by name, and their median and p99 for a benchmark's figures. */
public final class Latencies {

    private final Map<String, List<Long>> micros = new TreeMap<>();

    public void add(String what, long sinceNanos) {
        micros.computeIfAbsent(what, w -> new ArrayList<>()).add((System.nanoTime() - sinceNanos) / 1000);
    }

    /** One line per name: "{@code format}" filled with the name, the count, the median and p99 in milliseconds. */
    public String lines(String format) {
        StringBuilder lines = new StringBuilder();
        micros.forEach((what, samples) -> {
            List<Long> sorted = samples.stream().sorted().toList();
            lines.append(String.format(format, what, sorted.size(), sorted.get(sorted.size() / 2) / 1000.0,
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1000.0));
        });
        return lines.toString();
    }
}
