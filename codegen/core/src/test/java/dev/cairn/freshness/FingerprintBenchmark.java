package dev.cairn.freshness;

import dev.cairn.files.FileHashCache;
import dev.cairn.files.FileTrees;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.lock.LockCheck;
import dev.cairn.migrate.MigrationFiles;
import dev.cairn.lock.MigrationLock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/**
 * Not a test (timings do not belong in unit tests): how long the up-to-date decision takes for
 * 1,000 migrations and 300 generated files. Run with the test class path:
 * {@code java -cp codegen/target/test-classes:codegen/target/classes:<deps> dev.cairn.freshness.FingerprintBenchmark [DIR]}
 *
 * <p>Each round scans and hashes the migrations, checks the lock and compares the fingerprint,
 * as a local no-op generate does: with the file-hash cache ({@code cached}) and reading every
 * byte as CI does ({@code hashed}). Round 1 runs in a fresh JVM. With DIR the files and the
 * cache are kept there, so a second JVM shows the everyday case: a fresh JVM and a known tree.
 */
public final class FingerprintBenchmark {

    public static void main(String[] args) throws Exception {
        boolean keep = args.length > 0;
        Path root = keep ? Files.createDirectories(Path.of(args[0])) : Files.createTempDirectory("cairn-fingerprint-bench-");
        try {
            Path migration = root.resolve("db/migration");
            Path data = root.resolve("db/data");
            Path generated = root.resolve("generated/src/main/java");
            if (!Files.isDirectory(generated)) write(migration, data, generated);
            Path cacheFile = root.resolve("target/codegen-file-hashes.tsv");

            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            System.out.printf("%d CPUs, load average %.1f, cache file %s (wall times include waiting for a shared CPU;"
                            + " cpu = process CPU time)%n", Runtime.getRuntime().availableProcessors(),
                    os.getSystemLoadAverage(), Files.exists(cacheFile) ? "present" : "absent");
            for (int round = 1; round <= 6; round++) {
                boolean cached = round % 2 == 1;
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                FileHashCache hashes = cached ? FileHashCache.load(cacheFile) : FileHashCache.none();
                var files = MigrationFiles.scan(List.of(migration, data), List.of(), root.resolve("db"), hashes).migrations();
                long t1 = System.nanoTime();
                LockCheck.of(MigrationLock.of(files), files);
                long t2 = System.nanoTime();
                Fingerprint inputs = Fingerprint.ofInputs(files, CodegenSettings.defaults(), ToolVersions.current());
                var onDisk = Fingerprint.hashTree(generated, hashes);
                Freshness f = Freshness.assess(inputs.withGenerated(onDisk), inputs, onDisk);
                hashes.save();
                long t3 = System.nanoTime();
                long cpu = os.getProcessCpuTime() - cpu0;
                System.out.printf("round %d %s: scan+hash %d migrations %.1f ms, lock check %.1f ms,"
                                + " fingerprint + %d generated files %.1f ms, total %.1f ms wall, %.1f ms cpu (up to date: %s)%n",
                        round, cached ? "cached" : "hashed", files.size(), ms(t1 - t0), ms(t2 - t1), onDisk.size(),
                        ms(t3 - t2), ms(t3 - t0), ms(cpu), f.upToDate());
            }
        } finally {
            if (!keep) FileTrees.delete(root);
        }
    }

    private static void write(Path migration, Path data, Path generated) throws Exception {
        Files.createDirectories(migration);
        Files.createDirectories(data);
        Files.createDirectories(generated);
        String body = "ALTER TABLE events ADD COLUMN c%1$d text;\nCREATE INDEX idx_events_c%1$d ON events (c%1$d);\n".repeat(20);
        for (int i = 1; i <= 1000; i++) {
            Files.writeString((i % 10 == 0 ? data : migration).resolve("V" + i + "__change_" + i + ".sql"), body.formatted(i));
        }
        for (int i = 0; i < 300; i++) Files.writeString(generated.resolve("T" + i + ".java"), ("// generated " + i + "\n").repeat(400));
        // As if written an hour ago: files younger than a few seconds are never taken from the cache.
        FileTime earlier = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        try (Stream<Path> all = Stream.of(migration, data, generated).flatMap(FingerprintBenchmark::list)) {
            for (Path p : all.toList()) Files.setLastModifiedTime(p, earlier);
        }
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
