package dev.cairn.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One generate of a project at a time: a watch, the IDE's Maven build and a terminal's
 * {@code ./mvnw generate-sources} each write the same output. The second waits for the first and
 * then finds the classes it wrote up to date, instead of migrating and generating them again (or
 * swapping its output in under the other). An OS file lock, so a killed holder releases it; and a
 * lock per file within the JVM, because the OS lock belongs to the process, not the thread.
 */
final class RunLock implements AutoCloseable {

    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock thread;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(ReentrantLock thread, FileChannel channel, FileLock lock) {
        this.thread = thread;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code file}, waiting as long as another run holds it; {@code waiting} is told
     * once, with the holder's description, when it has to wait.
     */
    static RunLock acquire(Path file, Consumer<String> waiting) throws IOException, InterruptedException {
        Path key = file.toAbsolutePath().normalize();
        ReentrantLock thread = IN_THIS_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        if (!thread.tryLock()) {
            waiting.accept("another run in this JVM");
            thread.lockInterruptibly();
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                waiting.accept(holder(key));
                lock = channel.lock(); // interruptible: Ctrl-C closes the channel and ends the wait
            }
            // Who holds it, for the message of the next one that waits.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new RunLock(thread, channel, lock);
        } catch (IOException | RuntimeException | Error e) {
            if (channel != null) channel.close();
            thread.unlock();
            throw e;
        }
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process" : "process " + text.replace("pid ", "");
        } catch (IOException | RuntimeException e) {
            return "another process";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            thread.unlock();
        }
    }
}
