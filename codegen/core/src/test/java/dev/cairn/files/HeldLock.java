package dev.cairn.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Another process holding a file lock, as another build's run or a daemon warming up does (a lock
 * this JVM took itself would not stand for another process's). It writes {@code pid N} into the
 * file, as a run does, and keeps the lock until {@link #release()} or {@link #close()}.
 */
public final class HeldLock implements AutoCloseable {

    private static final String SOURCE = """
            import java.nio.channels.FileChannel;
            import java.nio.file.*;
            public class Holder {
                public static void main(String[] a) throws Exception {
                    try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                         var l = c.lock()) {
                        c.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\\n").getBytes()));
                        System.out.println("locked");
                        System.out.flush();
                        System.in.read();
                    }
                }
            }
            """;

    private final Process process;

    private HeldLock(Process process) {
        this.process = process;
    }

    /** Starts the holder (its source written into {@code scratch}) and returns once it holds the lock on {@code file}. */
    public static HeldLock on(Path file, Path scratch) throws IOException {
        Path source = Files.writeString(scratch.resolve("Holder.java"), SOURCE);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), file.toString()).redirectErrorStream(true).start();
        String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (!"locked".equals(first)) {
            p.destroyForcibly();
            throw new IOException("the lock holder did not take " + file + ": " + first);
        }
        return new HeldLock(p);
    }

    public long pid() {
        return process.pid();
    }

    /** The holder ends, and its lock with it. */
    public void release() throws IOException {
        process.getOutputStream().close();
    }

    @Override
    public void close() throws Exception {
        release();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
