package org.meetingportal.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
 * it. Lines must not contain line breaks. Each file's name starts with the time it was opened and a count,
 * so that names sort in the order of writing, and ends in a random part, so that two processes sharing a
 * folder never collide.
 */
public final class LineJournal implements AutoCloseable {

    private static final String SUFFIX = ".journal";
    private static final int LARGEST_WRITE = 512;

    private final Path directory;
    private final String prefix;
    private final GroupCommit<String> lines = new GroupCommit<>(this::write, LARGEST_WRITE);
    private int opened;
    private Path current;
    private FileChannel channel;
    private long written;

    /** Opens a new file in the folder, which is made if missing. */
    public LineJournal(Path directory, String prefix) {
        this.directory = directory;
        this.prefix = prefix;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the journal folder " + directory, e);
        }
        open();
    }

    /** Returns once the line is on disk. */
    public void append(String line) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a journal line cannot contain a line break");
        }
        lines.write(line);
    }

    private synchronized void write(List<String> batch) {
        StringBuilder text = new StringBuilder();
        batch.forEach(line -> text.append(line).append('\n'));
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                written += channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the journal " + current, e);
        }
    }

    /**
     * Closes the file being written, unless it is empty, starts a new one, and answers every closed file in
     * the folder, the oldest first.
     */
    public synchronized List<Path> seal() {
        if (written > 0) {
            closeChannel();
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

    /** The complete lines of a closed file; a last line cut off by a crash is left out. */
    public static List<String> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
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

    @Override
    public synchronized void close() {
        closeChannel();
        try {
            if (written == 0) {
                Files.deleteIfExists(current);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the empty journal " + current, e);
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

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the journal " + current, e);
        }
    }
}
