package dev.cairn.pipeline;

import dev.cairn.files.HeldLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        // A process that takes the lock as a run does, says so, and keeps it until released.
        try (HeldLock other = HeldLock.on(file, dir)) {
            List<String> waited = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> run = acquireInBackground(file, waited);
            Thread.sleep(500);
            assertFalse(run.isDone(), "the run did not wait for the other process");
            other.release(); // the holder ends, and its lock with it
            run.get(20, TimeUnit.SECONDS);
            assertEquals(List.of("process " + other.pid()), waited);
            assertTrue(Files.readString(file).contains("pid " + ProcessHandle.current().pid()), "the holder is not recorded");
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
