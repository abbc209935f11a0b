package org.meetingportal.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Durable writes that share their commits. A caller returns only once its record is committed, but
 * whichever caller gets to write takes every record waiting at that moment, so that callers arriving
 * together pay for one commit between them instead of one each. On a database where a commit is what costs
 * (a write to disk), this is what lets a busy server record everything it must without queueing on it.
 * A shared write that fails is tried again one record at a time, so that a bad record fails only its own
 * caller. No thread of its own: the waiting callers take turns to write, and each is woken as soon as its
 * record is written, all at once rather than one after the other through the lock.
 *
 * @param <T> what is written; the writer may see the same record again after a failed shared write
 */
public final class GroupCommit<T> {

    private final Consumer<List<T>> writer;
    private final int largestBatch;
    private final Queue<Entry<T>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    /** @param writer writes and commits all the records it is given, or none of them and throws */
    public GroupCommit(Consumer<List<T>> writer, int largestBatch) {
        if (largestBatch < 1) {
            throw new IllegalArgumentException("largestBatch must be positive");
        }
        this.writer = Objects.requireNonNull(writer);
        this.largestBatch = largestBatch;
    }

    /** Returns once the record is committed, or throws what its write threw. */
    public void write(T record) {
        Entry<T> entry = new Entry<>(Objects.requireNonNull(record));
        waiting.add(entry);
        boolean interrupted = false;
        while (!entry.done) {
            if (writing.tryLock()) {
                try {
                    // Another caller may have written this record while this one waited for its turn.
                    while (!entry.done) {
                        writeBatch();
                    }
                } finally {
                    writing.unlock();
                }
                // Whoever waits first now writes the next batch.
                Entry<T> next = waiting.peek();
                if (next != null) {
                    LockSupport.unpark(next.caller);
                }
            } else {
                // Woken when its record is written, or to write the next batch; a wake-up that comes before
                // the park makes the park return at once, so none is lost.
                LockSupport.park(this);
                // An interrupt would make every later park return at once; the record is waited for anyway.
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        entry.rethrowFailure();
    }

    private void writeBatch() {
        List<Entry<T>> batch = new ArrayList<>();
        for (Entry<T> next; batch.size() < largestBatch && (next = waiting.poll()) != null;) {
            batch.add(next);
        }
        try {
            writer.accept(batch.stream().map(e -> e.record).toList());
            batch.forEach(e -> e.finish(null));
        } catch (RuntimeException | Error failure) {
            if (batch.size() == 1) {
                batch.get(0).finish(failure);
            } else {
                batch.forEach(this::writeAlone);
            }
        }
    }

    private void writeAlone(Entry<T> entry) {
        try {
            writer.accept(List.of(entry.record));
            entry.finish(null);
        } catch (RuntimeException | Error failure) {
            entry.finish(failure);
        }
    }

    /** One caller's record; its outcome is set once, before {@code done}, by whoever wrote it. */
    private static final class Entry<T> {
        final T record;
        final Thread caller = Thread.currentThread();
        volatile boolean done;
        Throwable failure;

        Entry(T record) {
            this.record = record;
        }

        /** Wakes the caller itself: waiters never queue on the lock just to learn that they are done. */
        void finish(Throwable outcome) {
            failure = outcome;
            done = true;
            LockSupport.unpark(caller);
        }

        void rethrowFailure() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }
    }
}
