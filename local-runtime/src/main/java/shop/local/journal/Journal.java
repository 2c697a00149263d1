package shop.local.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;
import shop.local.json.Json;

/**
 * The runtime's append-only journal: one file of records (length, CRC32C, JSON), forced to disk before anything that
 * depends on it is answered. Appending is cheap and ordered ({@link #append} returns a position); waiting for the disk
 * is separate ({@link #awaitDurable}) and shared: whoever waits first forces everything appended so far, so writers
 * that arrive during one force share the next one (group commit). A record is durable once forced, and so is every
 * record before it, so whoever saw a write and then made durable progress of its own finds that write after a crash.
 *
 * <p>A crash can leave a torn last record; {@link #open} drops it, as it was never acknowledged. Thread-safe.
 */
public final class Journal implements AutoCloseable {

    private static final int HEADER_BYTES = 8;
    private static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition forced = lock.newCondition();
    private FileChannel channel;
    private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private long appended;
    private long durable;
    private boolean forcing;
    private IOException failed;

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** The journal at {@code file} and the records it held, oldest first; a missing file is an empty journal. */
    public record Opened(Journal journal, List<JsonNode> records) {}

    /** Opens (or creates) the journal, reads its records and cuts off a torn tail. */
    public static Opened open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            List<JsonNode> records = new ArrayList<>();
            long end = read(channel, records);
            if (end < channel.size()) {
                channel.truncate(end);
                channel.force(true);
            }
            channel.position(end);
            return new Opened(new Journal(file, channel), records);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the journal " + file, e);
        }
    }

    /** Adds {@code record} after every record appended before; answers its position for {@link #awaitDurable}. */
    public long append(JsonNode record) {
        Frame frame = Frame.of(record); // serialised before the lock: appenders wait only for the copy
        lock.lock();
        try {
            if (buffer.remaining() < frame.size()) {
                ByteBuffer larger =
                        ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + frame.size()));
                buffer.flip();
                larger.put(buffer);
                buffer = larger;
            }
            frame.putInto(buffer);
            return ++appended;
        } finally {
            lock.unlock();
        }
    }

    /** Appends {@code record} and waits until it is on disk. */
    public void write(JsonNode record) {
        awaitDurable(append(record));
    }

    /**
     * Waits until the record at {@code position}, and so every record before it, is on disk.
     *
     * @throws UncheckedIOException when the disk refused the write: nothing that waited for it may be answered as done
     */
    public void awaitDurable(long position) {
        lock.lock();
        try {
            while (durable < position) {
                if (failed != null) {
                    throw new UncheckedIOException("The journal " + file + " cannot be written", failed);
                }
                if (forcing) {
                    forced.awaitUninterruptibly();
                    continue;
                }
                forcing = true;
                ByteBuffer batch = buffer.flip();
                buffer = ByteBuffer.allocate(Math.max(64 * 1024, batch.capacity() / 2));
                long upTo = appended;
                FileChannel target = channel;
                // The disk is written without the lock held, so appenders fill the next batch meanwhile.
                lock.unlock();
                IOException problem = null;
                try {
                    while (batch.hasRemaining()) {
                        target.write(batch);
                    }
                    target.force(false);
                } catch (IOException e) {
                    problem = e;
                } finally {
                    lock.lock();
                }
                if (problem != null) {
                    failed = problem;
                } else {
                    durable = upTo;
                }
                forcing = false;
                forced.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces the journal's whole content with {@code records} (forced), and appends after them from then on: how the
     * runtime compacts it at start, once it has rebuilt its state.
     */
    public void rewrite(List<JsonNode> records) {
        lock.lock();
        try {
            if (buffer.position() > 0 || forcing) {
                throw new IllegalStateException("The journal is rewritten only before anything is appended");
            }
            Path next = file.resolveSibling(file.getFileName() + ".next");
            try (FileChannel out = FileChannel.open(
                    next, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                for (JsonNode record : records) {
                    Frame frame = Frame.of(record);
                    ByteBuffer one =
                            frame.putInto(ByteBuffer.allocate(frame.size())).flip();
                    while (one.hasRemaining()) {
                        out.write(one);
                    }
                }
                out.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot compact the journal into " + next, e);
            }
            try {
                channel.close();
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                forceFolder(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.WRITE);
                channel.position(channel.size());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot replace the journal " + file + " by its compacted copy", e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Forces what was appended, then closes. */
    @Override
    public void close() {
        lock.lock();
        long last = appended;
        lock.unlock();
        try {
            awaitDurable(last);
        } finally {
            lock.lock();
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the journal " + file, e);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Reads whole records from the start; answers where the last whole one ends. */
    private static long read(FileChannel channel, List<JsonNode> records) throws IOException {
        long size = channel.size();
        long position = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        while (position + HEADER_BYTES <= size) {
            header.clear();
            channel.read(header, position);
            header.flip();
            int length = header.getInt();
            int expected = header.getInt();
            if (length < 0 || length > MAX_RECORD_BYTES || position + HEADER_BYTES + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            while (payload.hasRemaining() && channel.read(payload, position + HEADER_BYTES + payload.position()) > 0) {
                // reads until full
            }
            if (Frame.crc(payload.array()) != expected) {
                break;
            }
            records.add(Json.parse(payload.array()));
            position += HEADER_BYTES + length;
        }
        return position;
    }

    /** One record as the file holds it: the payload's length, its CRC32C, then the payload (the record's JSON). */
    private record Frame(byte[] payload, int crc) {

        static Frame of(JsonNode record) {
            byte[] payload = Json.bytes(record);
            return new Frame(payload, crc(payload));
        }

        static int crc(byte[] payload) {
            CRC32C crc = new CRC32C();
            crc.update(payload);
            return (int) crc.getValue();
        }

        int size() {
            return HEADER_BYTES + payload.length;
        }

        ByteBuffer putInto(ByteBuffer buffer) {
            return buffer.putInt(payload.length).putInt(crc).put(payload);
        }
    }

    /** Makes a rename in {@code folder} durable, where the file system allows opening a folder. */
    public static void forceFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory; the rename is then as durable as they make it.
        }
    }
}
