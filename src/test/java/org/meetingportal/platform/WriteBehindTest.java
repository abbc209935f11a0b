package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.meetingportal.testing.TestClock;

/** Adding never waits; a flush writes everything in order, keeps what failed, and a long backlog refuses. */
class WriteBehindTest {

    /** A store that commits whole batches and can be told to be down. */
    private static class Store implements Consumer<List<Integer>> {
        final List<List<Integer>> batches = new ArrayList<>();
        final List<Integer> committed = new ArrayList<>();
        boolean down;

        @Override
        public synchronized void accept(List<Integer> batch) {
            if (down) {
                throw new IllegalStateException("the database is down");
            }
            batches.add(List.copyOf(batch));
            committed.addAll(batch);
        }
    }

    private final Store store = new Store();
    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final WriteBehind<Integer> records = new WriteBehind<>(store, 3, Duration.ofSeconds(10), clock);

    @Test
    void aFlushWritesEverythingAddedInOrderInBatchesOfAtMostTheLargest() {
        for (int i = 1; i <= 7; i++) {
            assertTrue(records.add(i));
        }
        assertTrue(store.committed.isEmpty(), "nothing is written while adding");
        records.flush();
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7)), store.batches);
        assertEquals(0, records.backlog());
        records.flush();
        assertEquals(3, store.batches.size(), "an empty flush writes nothing");
    }

    @Test
    void whatAFailedFlushCouldNotWriteIsWrittenNextTimeAheadOfWhatCameAfter() {
        records.add(1);
        records.add(2);
        store.down = true;
        assertThrows(IllegalStateException.class, records::flush);
        assertEquals(2, records.backlog());
        records.add(3);
        store.down = false;
        records.flush();
        assertEquals(List.of(1, 2, 3), store.committed);
        assertEquals(0, records.backlog());
    }

    @Test
    void batchesWrittenBeforeAFailureAreNotWrittenAgain() {
        Store failingSecond = new Store() {
            int calls;

            @Override
            public synchronized void accept(List<Integer> batch) {
                if (++calls == 2) {
                    throw new IllegalStateException("the second batch fails once");
                }
                super.accept(batch);
            }
        };
        WriteBehind<Integer> two = new WriteBehind<>(failingSecond, 2, Duration.ofSeconds(10), clock);
        for (int i = 1; i <= 5; i++) {
            two.add(i);
        }
        assertThrows(IllegalStateException.class, two::flush);
        assertEquals(List.of(1, 2), failingSecond.committed);
        two.flush();
        assertEquals(List.of(1, 2, 3, 4, 5), failingSecond.committed, "each once, in order");
    }

    @Test
    void recordsAreRefusedOnceTheOldestHasWaitedLongerThanThePatienceAndTakenAgainOnceWritten() {
        store.down = true;
        assertTrue(records.add(1));
        clock.now = clock.now.plusSeconds(10);
        assertTrue(records.add(2), "ten seconds is still within the patience");
        assertThrows(IllegalStateException.class, records::flush);
        clock.now = clock.now.plusMillis(1);
        assertFalse(records.add(3), "the oldest has waited too long");
        store.down = false;
        records.flush();
        assertTrue(records.add(4));
        records.flush();
        assertEquals(List.of(1, 2, 4), store.committed, "what was refused was never taken");
    }

    @Test
    void aFlushThatNeverComesAlsoStopsTheAdding() {
        assertTrue(records.add(1));
        clock.now = clock.now.plusSeconds(11);
        assertFalse(records.add(2), "nobody wrote the first record in time");
    }

    @Test
    void manyAddersAndAFlusherAtOnceLoseAndDoubleNothing() throws Exception {
        WriteBehind<Integer> shared = new WriteBehind<>(store, 64, Duration.ofMinutes(1), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            pool.submit(() -> {
                go.await();
                for (int i = 0; i < 5_000; i++) {
                    assertTrue(shared.add(thread * 5_000 + i));
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.MILLISECONDS)) {
            shared.flush();
        }
        shared.flush();
        assertEquals(40_000, store.committed.size());
        assertEquals(40_000, store.committed.stream().distinct().count());
        assertTrue(store.batches.stream().allMatch(b -> b.size() <= 64));
    }
}
