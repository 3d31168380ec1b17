package dev.cairn.snapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lookup by longest prefix, LRU eviction under the cap, and entries that never completed. */
class SnapshotCacheTest {

    @TempDir
    Path dir;

    private static final SnapshotEnvironment ENV = SnapshotEnvironment.of(Map.of("postgres-binaries", "18.3.0"));

    private static MigrationChain chain(int n) {
        List<MigrationChain.Step> steps = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) steps.add(new MigrationChain.Step(Integer.toString(i), "sha" + i));
        return new MigrationChain(steps, MigrationChain.Reuse.EXTEND);
    }

    /** Publishes a fake stopped data directory of {@code bytes} bytes, last used {@code age} minutes ago. */
    private Snapshot store(SnapshotCache cache, MigrationChain chain, int bytes, int age) throws Exception {
        Path staging = cache.newStaging();
        Files.createDirectories(staging.resolve("data"));
        Files.write(staging.resolve("data/file"), new byte[bytes]);
        Snapshot s = cache.publish(staging, ENV, chain).orElseThrow();
        Files.setLastModifiedTime(s.directory().resolve(SnapshotCache.COMPLETE),
                FileTime.fromMillis(System.currentTimeMillis() - age * 60_000L));
        return s;
    }

    @Test
    void theLongestPrefixWinsAndAnotherEnvironmentSeesNothing() throws Exception {
        SnapshotCache cache = new SnapshotCache(dir, 1 << 30);
        store(cache, chain(2), 10, 0);
        store(cache, chain(5), 10, 0);
        store(cache, chain(7), 10, 0);
        assertEquals(5, cache.best(ENV, chain(6)).orElseThrow().applied().size());
        assertEquals(7, cache.best(ENV, chain(9)).orElseThrow().applied().size());
        assertEquals(Optional.empty(), cache.best(ENV, chain(1)));
        assertEquals(Optional.empty(), cache.best(SnapshotEnvironment.of(Map.of("postgres-binaries", "17.6.0")), chain(9)));

        MigrationChain exact = new MigrationChain(chain(6).steps(), MigrationChain.Reuse.EXACT);
        assertEquals(Optional.empty(), cache.best(ENV, exact), "repeatables: only the identical chain");
        MigrationChain none = new MigrationChain(chain(7).steps(), MigrationChain.Reuse.NONE);
        assertEquals(Optional.empty(), cache.best(ENV, none), "callbacks: never");
    }

    @Test
    void anEntryStoredAgainUnderTheSameNameIsReadAgain() throws Exception {
        SnapshotCache cache = new SnapshotCache(dir, 1 << 30);
        Snapshot first = store(cache, chain(3), 10, 0);
        assertEquals(10, cache.best(ENV, chain(4)).orElseThrow().bytes());
        // Discarded (unusable), then stored again by a run from zero: same directory, new description.
        cache.discard(first);
        Snapshot again = store(cache, chain(3), 30, 0);
        assertEquals(first.directory(), again.directory());
        assertEquals(30, cache.best(ENV, chain(4)).orElseThrow().bytes(), "not what this JVM read before");
        // Rewritten in place by hand (or by another version of the tool): read again too.
        Path description = again.directory().resolve(SnapshotCache.DESCRIPTION);
        Files.writeString(description, Files.readString(description).replace("bytes 30", "bytes 31"));
        assertEquals(31, cache.best(ENV, chain(4)).orElseThrow().bytes());
    }

    @Test
    void aGarbledDescriptionIsRemovedFromTheCacheNotSkippedForever() throws Exception {
        SnapshotCache cache = new SnapshotCache(dir, 1 << 30);
        Snapshot good = store(cache, chain(2), 10, 0);
        Snapshot garbled = store(cache, chain(5), 10, 0);
        Files.writeString(garbled.directory().resolve(SnapshotCache.DESCRIPTION), "bytes ten\n\u0000\u0000");
        assertEquals(2, cache.best(ENV, chain(6)).orElseThrow().applied().size(), "the good one is chosen");
        assertFalse(Files.exists(garbled.directory()), "the garbled one left the cache at once");
        assertTrue(Files.exists(good.directory()));
    }

    @Test
    void leastRecentlyUsedGoFirstUntilTheCacheFits() throws Exception {
        SnapshotCache big = new SnapshotCache(dir, 1 << 30);
        Snapshot old = store(big, chain(1), 400, 30);
        Snapshot used = store(big, chain(2), 400, 20);
        Snapshot newer = store(big, chain(3), 400, 10);
        // Copying one out is a use: it moves to the front.
        big.copyOut(used, dir.resolve("copy"));

        SnapshotCache capped = new SnapshotCache(dir, 900);
        List<Snapshot> removed = capped.evict();
        assertEquals(List.of(old.directory()), removed.stream().map(Snapshot::directory).toList());
        assertTrue(Files.exists(used.directory()) && Files.exists(newer.directory()));
        assertEquals(800, capped.bytes());
        assertFalse(Files.exists(old.directory()), "gone from the cache at once");
        // Its files go beside the build, and are gone once the deletions queued so far are done.
        dev.cairn.files.BackgroundWork.await();
        try (var trash = Files.list(dir.resolve(".trash"))) {
            assertEquals(0, trash.count(), "nothing left in the trash");
        }
    }

    @Test
    void anEntryWithoutItsCompletionMarkerIsNoSnapshot() throws Exception {
        SnapshotCache cache = new SnapshotCache(dir, 1 << 30);
        Snapshot s = store(cache, chain(3), 10, 0);
        Files.delete(s.directory().resolve(SnapshotCache.COMPLETE));
        assertEquals(Optional.empty(), cache.best(ENV, chain(3)));
    }

    @Test
    void stagingOfAProcessThatIsGoneIsRemoved() throws Exception {
        SnapshotCache cache = new SnapshotCache(dir, 1 << 30);
        Path abandoned = Files.createDirectories(dir.resolve(".staging/999999999-1-abc/data"));
        Path mine = cache.newStaging();
        assertFalse(Files.exists(abandoned.getParent()));
        assertTrue(Files.isDirectory(mine));
    }

    @Test
    void sizesAndTheDefaultDirectory() {
        assertEquals(1L << 30, SnapshotCache.parseSize("1g"));
        assertEquals(512L << 20, SnapshotCache.parseSize("512M"));
        assertEquals(0, SnapshotCache.parseSize("0"));
        assertFalse(new SnapshotCache(dir, 0).enabled());
        assertThrows(IllegalArgumentException.class, () -> SnapshotCache.parseSize("lots"));
        assertEquals(Path.of("/x/cache/cairn/snapshots"), SnapshotCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "/x/cache")));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache/cairn/snapshots"), SnapshotCache.defaultDirectory(Map.of()));
    }
}
