package dev.cairn.signal;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the warm engine tells a client that withdraws its run: before the run writes, it stops at its
 * next stage and never writes; once it writes, it is not withdrawn and finishes.
 */
class CancellationTest {

    @Test
    void aRunWithdrawnBeforeItWritesStopsAtItsNextStageAndNeverWrites() throws Exception {
        AtomicBoolean wrote = new AtomicBoolean();
        try (Cancellation c = Cancellation.ofThisThread()) {
            Interruption.stage("migrate"); // running: no effect
            // Withdrawn from another thread, as the daemon's reader of the client's connection does.
            assertTrue(CompletableFuture.supplyAsync(c::cancel).get(30, TimeUnit.SECONDS));
            assertThrows(Interruption.Stopped.class, () -> Interruption.stage("generate"));
            assertThrows(Interruption.Stopped.class, () -> Interruption.writing(() -> wrote.getAndSet(true)));
        }
        assertFalse(wrote.get());
    }

    @Test
    void aRunThatBeganToWriteIsNotWithdrawnAndFinishes() throws Exception {
        try (Cancellation c = Cancellation.ofThisThread()) {
            boolean[] answered = new boolean[1];
            String written = Interruption.writing(() -> {
                answered[0] = CompletableFuture.supplyAsync(c::cancel).get(30, TimeUnit.SECONDS);
                return "published";
            });
            assertEquals("published", written);
            assertFalse(answered[0], "a cancel while it writes: it finishes");
            assertFalse(c.cancel(), "after it wrote: nothing to withdraw");
            Interruption.stage("total"); // not stopped
        }
    }

    @Test
    void aThreadWithoutOneIsNotAffected() throws Exception {
        try (Cancellation c = Cancellation.ofThisThread()) {
            c.cancel();
            String other = CompletableFuture.supplyAsync(() -> {
                Interruption.stage("generate");
                try {
                    return Interruption.writing(() -> "written");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            assertEquals("written", other);
        }
        Interruption.stage("lock"); // closed: this thread runs as before
    }
}
