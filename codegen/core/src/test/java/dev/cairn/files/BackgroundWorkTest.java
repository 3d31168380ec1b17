package dev.cairn.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Work runs beside the caller, can be waited for, and a JVM that exits right after queueing it still finishes it. */
class BackgroundWorkTest {

    @TempDir
    Path dir;

    /** Queues the deletion of args[0] and returns at once: main ends, the JVM exits. */
    public static void main(String[] args) {
        BackgroundWork.delete(Path.of(args[0]));
    }

    private Path tree(String name) throws Exception {
        Path root = Files.createDirectories(dir.resolve(name));
        for (int d = 0; d < 20; d++) {
            Path sub = Files.createDirectories(root.resolve("d" + d));
            for (int f = 0; f < 100; f++) Files.writeString(sub.resolve("f" + f), "x".repeat(100));
        }
        return root;
    }

    @Test
    void theJvmsExitWaitsForTheDeletion() throws Exception {
        Path root = tree("evicted");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                BackgroundWorkTest.class.getName(), root.toString())).inheritIO().start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue());
        assertFalse(Files.exists(root), "2,000 files deleted before the JVM ended");
    }

    @Test
    void awaitReturnsOnceTheTreeIsGone() throws Exception {
        Path root = tree("evicted-here");
        BackgroundWork.delete(root);
        BackgroundWork.await();
        assertFalse(Files.exists(root));
    }

    @Test
    void aTaskCanBeWaitedFor() {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        BackgroundWork.Task task = BackgroundWork.run("test-task", () -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.set(true);
        });
        task.await();
        assertTrue(done.get());
    }
}
