package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every appended line is handed over exactly once, in order, across sealing, restarts and crashes. */
class LineJournalTest {

    @TempDir
    Path folder;

    @Test
    void appendedLinesAreOnDiskWhenAppendReturnsAndAreHandedOverWhenSealed() {
        LineJournal journal = new LineJournal(folder, "grants");
        journal.append("{\"n\":1}");
        journal.append("{\"n\":2, \"text\":\"包含中文\"}");
        List<Path> open = filesIn(folder);
        assertEquals(1, open.size(), "one file being written");
        assertEquals(List.of("{\"n\":1}", "{\"n\":2, \"text\":\"包含中文\"}"), LineJournal.read(open.get(0)),
                "the lines are in the file before anyone seals it");

        List<Path> sealed = journal.seal();
        assertEquals(open, sealed, "the written file is handed over");
        assertEquals(2, filesIn(folder).size(), "and a new one is being written");
        journal.close();
    }

    @Test
    void anEmptyJournalHandsOverNothingAndLeavesNoFileWhenClosed() {
        LineJournal journal = new LineJournal(folder, "grants");
        assertEquals(List.of(), journal.seal());
        assertEquals(List.of(), journal.seal(), "sealing an empty file does not start another");
        journal.close();
        assertEquals(List.of(), filesIn(folder));
    }

    @Test
    void filesLeftByAnEarlierRunAreHandedOverOldestFirstAndOtherFilesAreIgnored() throws IOException {
        LineJournal first = new LineJournal(folder, "grants");
        first.append("a");
        first.seal();
        first.append("b");
        // Stopped with its lines not yet carried (RestartIT kills a real server instead).
        first.close();
        Files.writeString(folder.resolve("notes.txt"), "not a journal");
        Files.writeString(folder.resolve("other-000000000000001-00000000.journal"), "another journal\n");

        LineJournal next = new LineJournal(folder, "grants");
        List<Path> leftovers = next.seal();
        assertEquals(2, leftovers.size());
        assertEquals(List.of("a"), LineJournal.read(leftovers.get(0)));
        assertEquals(List.of("b"), LineJournal.read(leftovers.get(1)));
        next.close();
    }

    @Test
    void aLastLineCutOffByACrashIsDroppedAndTheCompleteOnesAreKept() throws IOException {
        LineJournal journal = new LineJournal(folder, "grants");
        journal.append("complete");
        Path file = filesIn(folder).get(0);
        Files.writeString(file, "{\"cut\":", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(List.of("complete"), LineJournal.read(file));
        journal.close();
    }

    @Test
    void aLineCannotBreakTheJournalsLines() {
        LineJournal journal = new LineJournal(folder, "grants");
        assertThrows(IllegalArgumentException.class, () -> journal.append("two\nlines"));
        assertThrows(IllegalArgumentException.class, () -> journal.append("two\rlines"));
        assertEquals(List.of(), journal.seal(), "nothing of a refused line is written");
        journal.close();
    }

    @Test
    void linesAppendedWhileOthersSealAreEachHandedOverExactlyOnce() throws Exception {
        LineJournal journal = new LineJournal(folder, "grants");
        List<String> handedOver = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean appending = new AtomicBoolean(true);
        Thread carrier = new Thread(() -> {
            while (appending.get()) {
                carry(journal, handedOver);
            }
        });
        carrier.start();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.add(new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    journal.append(writer + "-" + i);
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join();
        }
        appending.set(false);
        carrier.join();
        carry(journal, handedOver);

        assertEquals(8 * 250, handedOver.size(), "no line lost or handed over twice");
        assertEquals(8 * 250, new HashSet<>(handedOver).size());
        for (int w = 0; w < 8; w++) {
            String prefix = w + "-";
            List<String> ownLines = handedOver.stream().filter(l -> l.startsWith(prefix)).toList();
            for (int i = 0; i < ownLines.size(); i++) {
                assertEquals(prefix + i, ownLines.get(i), "each writer's lines in the order it wrote them");
            }
        }
        journal.close();
        assertEquals(List.of(), filesIn(folder));
    }

    @Test
    void aFolderServesOneJournalAtATime() {
        LineJournal one = new LineJournal(folder, "grants");
        one.append("from one");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new LineJournal(folder, "grants"));
        assertTrue(refused.getMessage().contains("PORTAL_DATA_DIR"), refused.getMessage());
        one.close();
        LineJournal next = new LineJournal(folder, "grants");
        assertEquals(1, next.seal().size(), "the next one takes over the folder and what was left in it");
        next.close();
    }

    @Test
    void aClosedJournalRefusesLines() {
        LineJournal journal = new LineJournal(folder, "grants");
        journal.close();
        assertThrows(IllegalStateException.class, () -> journal.append("late"));
        assertThrows(IllegalStateException.class, journal::seal);
        journal.close();
    }

    @Test
    void anInterruptedWriterNeitherBreaksTheJournalNorLosesItsInterrupt() {
        LineJournal journal = new LineJournal(folder, "grants");
        Thread.currentThread().interrupt();
        journal.append("written while interrupted");
        assertTrue(Thread.interrupted(), "the interrupt is still there afterwards");
        journal.append("and the next line too");
        assertEquals(List.of("written while interrupted", "and the next line too"),
                LineJournal.read(journal.seal().get(0)));
        journal.close();
    }

    @Test
    void bytesThatAreNotUtf8StopNeitherTheirLineNorTheOthers() throws IOException {
        Path file = folder.resolve("grants-000000000000001-000001-00000000.journal");
        byte[] bad = {'o', 'k', '\n', (byte) 0xC3, '\n', 'a', 'l', 's', 'o', '\n', (byte) 0xE4, (byte) 0xB8};
        Files.write(file, bad);
        assertEquals(List.of("ok", "\uFFFD", "also"), LineJournal.read(file));
    }

    /** What the portal does with sealed files: take their lines, then delete them. */
    private static void carry(LineJournal journal, List<String> handedOver) {
        for (Path file : journal.seal()) {
            handedOver.addAll(LineJournal.read(file));
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static List<Path> filesIn(Path folder) {
        try (var files = Files.list(folder)) {
            List<Path> journals = files.filter(f -> f.toString().endsWith(".journal"))
                    .filter(f -> f.getFileName().toString().startsWith("grants-")).sorted().toList();
            journals.forEach(f -> assertFalse(Files.isDirectory(f)));
            return journals;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void fileNamesSortInTheOrderTheyWereOpened() throws InterruptedException {
        LineJournal journal = new LineJournal(folder, "grants");
        List<Path> opened = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            journal.append("line " + i);
            Thread.sleep(2);
            opened.addAll(journal.seal().stream().filter(f -> !opened.contains(f)).toList());
        }
        List<Path> sorted = new ArrayList<>(opened);
        Collections.sort(sorted);
        assertEquals(sorted, opened);
        assertTrue(opened.size() == 3);
        journal.close();
    }
}
