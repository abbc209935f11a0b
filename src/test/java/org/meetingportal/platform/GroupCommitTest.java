package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Callers arriving together share a commit; each returns only once its own record is committed. */
class GroupCommitTest {

    /** A store that keeps what was committed and every batch it was asked to write, and refuses "bad". */
    private static final class Store implements Consumer<List<String>> {
        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        final List<String> committed = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch holdFirstWrite;
        final CountDownLatch firstWriteStarted = new CountDownLatch(1);

        @Override
        public void accept(List<String> batch) {
            batches.add(List.copyOf(batch));
            firstWriteStarted.countDown();
            CountDownLatch hold = holdFirstWrite;
            if (hold != null) {
                holdFirstWrite = null;
                await(hold);
            }
            if (batch.contains("bad")) {
                throw new IllegalStateException("constraint violated by bad");
            }
            if (batch.contains("fatal")) {
                throw new AssertionError("fatal");
            }
            committed.addAll(batch);
        }
    }

    @Test
    void aLoneCallerWritesItsOwnRecordAndReturnsOnceItIsCommitted() {
        Store store = new Store();
        new GroupCommit<>(store, 10).write("a");
        assertEquals(List.of(List.of("a")), store.batches);
        assertEquals(List.of("a"), store.committed);
    }

    @Test
    void callersWhoArriveDuringAWriteShareTheNextCommit() throws Exception {
        Store store = new Store();
        Map<String, Throwable> outcomes = writeDuringAHeldFirstWrite(store, 10, "b", "c", "d", "e");

        assertEquals(2, store.batches.size(), "one commit for the first caller, one for all who came meanwhile");
        assertEquals(List.of("first"), store.batches.get(0));
        assertEquals(Set.of("b", "c", "d", "e"), new HashSet<>(store.batches.get(1)));
        assertEquals(Set.of("first", "b", "c", "d", "e"), outcomes.keySet());
        outcomes.values().forEach(outcome -> assertSame(Ok.INSTANCE, outcome));
    }

    @Test
    void noCommitTakesMoreThanTheLargestBatch() throws Exception {
        Store store = new Store();
        writeDuringAHeldFirstWrite(store, 2, "b", "c", "d", "e", "f");

        store.batches.forEach(batch -> assertTrue(batch.size() <= 2, "batch " + batch));
        assertEquals(Set.of("first", "b", "c", "d", "e", "f"), new HashSet<>(store.committed));
        assertEquals(6, store.committed.size(), "each record committed exactly once");
    }

    @Test
    void aBadRecordFailsOnlyItsOwnCallerAndTheOthersInItsBatchAreStillCommitted() throws Exception {
        Store store = new Store();
        Map<String, Throwable> outcomes = writeDuringAHeldFirstWrite(store, 10, "b", "bad", "c", "fatal");

        assertEquals(Set.of("first", "b", "c"), new HashSet<>(store.committed));
        assertEquals(3, store.committed.size(), "nothing committed twice");
        assertSame(Ok.INSTANCE, outcomes.get("b"));
        assertSame(Ok.INSTANCE, outcomes.get("c"));
        assertEquals("constraint violated by bad", outcomes.get("bad").getMessage());
        assertTrue(outcomes.get("fatal") instanceof AssertionError, "an Error reaches its own caller as it is");
    }

    @Test
    void aFailedWriteIsThrownToTheCallerAndTheNextCallerIsUnaffected() {
        Store store = new Store();
        GroupCommit<String> commit = new GroupCommit<>(store, 10);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> commit.write("bad"));
        assertEquals("constraint violated by bad", refused.getMessage());
        commit.write("good");
        assertEquals(List.of("good"), store.committed);
    }

    @Test
    void manyConcurrentCallersAllReturnWithTheirRecordCommittedExactlyOnce() throws Exception {
        Store store = new Store();
        GroupCommit<String> commit = new GroupCommit<>(store, 16);
        Map<String, Throwable> outcomes = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    String record = thread + "-" + i;
                    commit.write(record);
                    assertTrue(store.committed.contains(record), record + " is committed when write returns");
                    outcomes.put(record, Ok.INSTANCE);
                }
            }));
        }
        threads.forEach(Thread::start);
        joinAll(threads.get(0), threads.subList(1, threads.size()));
        assertEquals(16 * 200, outcomes.size());
        assertEquals(16 * 200, store.committed.size());
        assertEquals(16 * 200, new HashSet<>(store.committed).size());
    }

    @Test
    void theLargestBatchMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<String>(batch -> { }, 0));
    }

    /** What a caller that returned normally leaves in the outcomes. */
    private static final class Ok extends Throwable {
        static final Ok INSTANCE = new Ok();

        private Ok() {
            super("ok", null, false, false);
        }
    }

    /**
     * A caller named "first" writes and is held inside the store while the others hand in their records and
     * wait; then the first write is let go and everyone finishes. Nothing is committed before that.
     */
    private static Map<String, Throwable> writeDuringAHeldFirstWrite(Store store, int largestBatch, String... others)
            throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        store.holdFirstWrite = release;
        GroupCommit<String> commit = new GroupCommit<>(store, largestBatch);
        Map<String, Throwable> outcomes = new ConcurrentHashMap<>();
        Thread first = writer(commit, "first", outcomes);
        first.start();
        await(store.firstWriteStarted);
        List<Thread> waiting = new ArrayList<>();
        for (String name : others) {
            Thread other = writer(commit, name, outcomes);
            waiting.add(other);
            other.start();
        }
        waitUntilBlocked(waiting);
        assertEquals(List.of(), store.committed, "nothing is committed while the first write is held");
        release.countDown();
        joinAll(first, waiting);
        return outcomes;
    }

    private static Thread writer(GroupCommit<String> commit, String record, Map<String, Throwable> outcomes) {
        return new Thread(() -> {
            try {
                commit.write(record);
                outcomes.put(record, Ok.INSTANCE);
            } catch (RuntimeException | Error failure) {
                outcomes.put(record, failure);
            }
        });
    }

    /** Each thread has handed in its record and waits for its turn to write. */
    private static void waitUntilBlocked(List<Thread> threads) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (Thread thread : threads) {
                while (thread.getState() != Thread.State.WAITING) {
                    Thread.sleep(1);
                }
            }
        });
    }

    private static void joinAll(Thread first, List<Thread> others) throws InterruptedException {
        first.join(10_000);
        assertTrue(!first.isAlive(), "the first caller returns");
        for (Thread other : others) {
            other.join(10_000);
            assertTrue(!other.isAlive(), "every caller returns");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, java.util.concurrent.TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
