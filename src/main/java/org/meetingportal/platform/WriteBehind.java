package org.meetingportal.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Records taken at once and written later, many to a commit: whoever adds one never waits for a database,
 * and whoever calls {@link #flush} (a timer, a stop) writes everything added so far in batches. A batch that
 * fails stays, in order, ahead of what came after it, and is written again at the next flush. The backlog
 * is bounded in time rather than left to grow: once the oldest unwritten record has waited longer than
 * the patience, {@link #add} refuses, so that a store that stays down stops the work that needs it instead
 * of piling records up in memory. A record is written at least once: a commit whose outcome its writer
 * could not learn (the connection broke during it) counts as failed and is made again.
 *
 * @param <T> what is written
 */
public final class WriteBehind<T> {

    private final Consumer<List<T>> writer;
    private final int largestBatch;
    private final Duration patience;
    private final Clock clock;
    private final Queue<Entry<T>> added = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    /** Taken from {@code added} but not yet written, oldest first; only while {@code writing} is held. */
    private List<Entry<T>> unwritten = new ArrayList<>();
    /** When the oldest of {@code unwritten} was added, or null: read by {@link #add} without the lock. */
    private volatile Instant unwrittenSince;

    /**
     * @param writer writes and commits all the records it is given, or none of them and throws
     * @param patience how long a record may wait unwritten before new ones are refused
     */
    public WriteBehind(Consumer<List<T>> writer, int largestBatch, Duration patience, Clock clock) {
        if (largestBatch < 1) {
            throw new IllegalArgumentException("largestBatch must be positive");
        }
        this.writer = Objects.requireNonNull(writer);
        this.largestBatch = largestBatch;
        this.patience = Objects.requireNonNull(patience);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Takes the record, or refuses it (false) because records have waited unwritten too long. */
    public boolean add(T record) {
        Instant now = clock.instant();
        Instant oldest = unwrittenSince;
        if (oldest == null) {
            Entry<T> next = added.peek();
            oldest = next == null ? null : next.added;
        }
        if (oldest != null && oldest.plus(patience).isBefore(now)) {
            return false;
        }
        added.add(new Entry<>(Objects.requireNonNull(record), now));
        return true;
    }

    /**
     * Writes every record added before this call, a batch at a time.
     *
     * @throws RuntimeException what a failed batch threw; its records and the rest wait for the next flush
     */
    public void flush() {
        writing.lock();
        try {
            for (Entry<T> next; (next = added.poll()) != null;) {
                unwritten.add(next);
            }
            while (!unwritten.isEmpty()) {
                unwrittenSince = unwritten.get(0).added;
                List<Entry<T>> batch = unwritten.subList(0, Math.min(largestBatch, unwritten.size()));
                writer.accept(batch.stream().map(e -> e.record).toList());
                batch.clear();
            }
            unwrittenSince = null;
        } finally {
            writing.unlock();
        }
    }

    /** Records added and not yet written. */
    public int backlog() {
        writing.lock();
        try {
            return unwritten.size() + added.size();
        } finally {
            writing.unlock();
        }
    }

    private record Entry<T>(T record, Instant added) {
    }
}
