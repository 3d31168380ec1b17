package dev.cairn.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunInTheSameJvmWaitsForTheFirst() throws Exception {
        Path file = dir.resolve("target/cairn-generate.lock");
        List<String> waited = new CopyOnWriteArrayList<>();
        RunLock first = RunLock.acquire(file, waited::add);
        CompletableFuture<Void> second = acquireInBackground(file, waited);
        Thread.sleep(300);
        assertFalse(second.isDone(), "the second run did not wait");
        first.close();
        second.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("another run in this JVM"), waited);
    }

    @Test
    void aRunWaitsForAnotherProcessAndNamesIt() throws Exception {
        Path file = dir.resolve("cairn-generate.lock");
        // A process that takes the lock as a run does, says so, and keeps it until its stdin closes.
        Path holder = dir.resolve("Holder.java");
        Files.writeString(holder, """
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
                """);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                holder.toString(), file.toString()).redirectErrorStream(true).start();
        try {
            var lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", lines.readLine());
            List<String> waited = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> run = acquireInBackground(file, waited);
            Thread.sleep(500);
            assertFalse(run.isDone(), "the run did not wait for the other process");
            p.getOutputStream().close(); // the holder ends, and its lock with it
            run.get(20, TimeUnit.SECONDS);
            assertEquals(List.of("process " + p.pid()), waited);
            assertTrue(Files.readString(file).contains("pid " + ProcessHandle.current().pid()), "the holder is not recorded");
        } finally {
            p.destroyForcibly();
        }
    }

    /** A run that takes the lock on another thread (and lets it go at once), noting any wait in {@code waited}. */
    private static CompletableFuture<Void> acquireInBackground(Path file, List<String> waited) {
        return CompletableFuture.runAsync(() -> {
            try (RunLock ignored = RunLock.acquire(file, waited::add)) {
                // got it
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
