package org.meetingportal.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A write-ahead journal of text lines in a folder: {@link #append} returns once its line is on disk
 * ({@code fsync}), which is far cheaper than a database commit, and lines appended together share one
 * write and one sync ({@link GroupCommit}). The lines are meant to be carried on into a database in batches:
 * {@link #seal} closes the file being written and hands over every closed file, oldest first; whoever
 * carries them deletes each file once its lines are committed. Files left by a stopped or crashed process
 * are closed files to the next one, so nothing appended is ever lost.
 *
 * <p>A line cut off by a crash in the middle of its write was never acknowledged to anyone; reading drops
 * it. Lines must not contain line breaks. File names start with the time the file was opened and a count,
 * so that they sort in the order of writing. One process at a time may use a folder: it holds a lock on
 * it, because another would take this one's open file for a closed one and carry it away.
 */
public final class LineJournal implements AutoCloseable {

    private static final String SUFFIX = ".journal";
    private static final String LOCK = ".lock";
    private static final int LARGEST_WRITE = 512;

    private final Path directory;
    private final String prefix;
    private final GroupCommit<String> lines = new GroupCommit<>(this::write, LARGEST_WRITE);
    private final FileChannel lockFile;
    private final FileLock folderLock;
    private int opened;
    private Path current;
    private FileChannel channel;
    private long written;
    private boolean closed;

    /**
     * Opens a new file in the folder, which is made if missing.
     *
     * @throws IllegalStateException when another process, or another journal of this one, uses the folder
     */
    public LineJournal(Path directory, String prefix) {
        this.directory = directory;
        this.prefix = prefix;
        try {
            Files.createDirectories(directory);
            lockFile = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal folder " + directory, e);
        }
        folderLock = lockFolder();
        open();
    }

    private FileLock lockFolder() {
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly(lockFile);
            throw new IllegalStateException("The journal folder " + directory + " is in use by another server or"
                    + " application; give each its own PORTAL_DATA_DIR");
        }
        return lock;
    }

    /** Returns once the line is on disk. */
    public void append(String line) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a journal line cannot contain a line break");
        }
        lines.write(line);
    }

    /**
     * Writes and syncs the lines, or leaves the file as it was and throws: {@link GroupCommit} then writes
     * each line again on its own, which must neither double a line nor follow a torn one.
     */
    private synchronized void write(List<String> batch) {
        checkOpen();
        StringBuilder text = new StringBuilder();
        batch.forEach(line -> text.append(line).append('\n'));
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        long start = written;
        // An interrupted thread would close the channel under everyone's feet; the interrupt is kept for later.
        boolean interrupted = Thread.interrupted();
        try {
            while (bytes.hasRemaining()) {
                written += channel.write(bytes, written);
            }
            channel.force(false);
        } catch (IOException e) {
            undo(start);
            throw new UncheckedIOException("cannot write to the journal " + current, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Takes a failed write back out of the file. If even that fails, the file is closed as it is and the
     * next lines go to a new one: its unacknowledged lines may then be carried as well, which records a
     * grant twice rather than losing one.
     */
    private void undo(long start) {
        try {
            channel.truncate(start);
            channel.force(false);
            written = start;
        } catch (IOException | RuntimeException stuck) {
            closeQuietly(channel);
            open();
        }
    }

    /**
     * Closes the file being written, unless it is empty, starts a new one, and answers every closed file in
     * the folder, the oldest first.
     */
    public synchronized List<Path> seal() {
        checkOpen();
        if (written > 0 || !channel.isOpen()) {
            closeQuietly(channel);
            open();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix + "-"))
                    .filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .filter(f -> !f.equals(current)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal folder " + directory, e);
        }
    }

    /**
     * The complete lines of a closed file; a last line cut off by a crash is left out. Bytes that are not
     * UTF-8 cannot stop the reading: they become replacement characters in their own line.
     */
    public static List<String> read(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file, e);
        }
        List<String> complete = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            if (end > start) {
                complete.add(text.substring(start, end));
            }
            start = end + 1;
        }
        return complete;
    }

    /** Appending and sealing are refused from now on; an empty file being written is removed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(channel);
        try {
            if (written == 0) {
                Files.deleteIfExists(current);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the empty journal " + current, e);
        } finally {
            try {
                folderLock.release();
            } catch (IOException ignored) {
                // Closing the channel below releases it as well.
            }
            closeQuietly(lockFile);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the journal in " + directory + " is closed");
        }
    }

    private void open() {
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        opened = (opened + 1) % 1_000_000;
        current = directory.resolve(String.format("%s-%015d-%06d-%s%s", prefix, System.currentTimeMillis(), opened,
                random, SUFFIX));
        try {
            channel = FileChannel.open(current, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            // The new name must itself survive a crash, or the lines synced into the file could be lost with it.
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a new journal in " + directory, e);
        }
        written = 0;
    }

    private void syncDirectory() {
        try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Some file systems (and Windows) cannot open a folder; there a file's name is durable with it.
        }
    }

    private static void closeQuietly(FileChannel file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // Nothing was written since the last sync that could be lost by this.
        }
    }
}
