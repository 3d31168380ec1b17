package dev.trackerdb.codegen.freshness;

import dev.trackerdb.codegen.files.FileTrees;
import dev.trackerdb.codegen.generate.CodegenSettings;
import dev.trackerdb.codegen.lock.MigrationFiles;
import dev.trackerdb.codegen.lock.MigrationLock;
import dev.trackerdb.codegen.lock.LockCheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Not a test (timings do not belong in unit tests): how long the up-to-date decision takes for
 * 1,000 migrations and 300 generated files. Run with the test class path:
 * {@code java -cp codegen/target/test-classes:codegen/target/classes:<deps> dev.trackerdb.codegen.freshness.FingerprintBenchmark}
 */
public final class FingerprintBenchmark {

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("trackerdb-fingerprint-bench-");
        try {
            Path migration = Files.createDirectories(root.resolve("db/migration"));
            Path data = Files.createDirectories(root.resolve("db/data"));
            String body = "ALTER TABLE events ADD COLUMN c%d text;\nCREATE INDEX idx_events_c%d ON events (c%d);\n".repeat(20);
            for (int i = 1; i <= 1000; i++) {
                Files.writeString((i % 10 == 0 ? data : migration).resolve("V" + i + "__change_" + i + ".sql"),
                        body.formatted(i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i));
            }
            Path generated = Files.createDirectories(root.resolve("generated/src/main/java"));
            for (int i = 0; i < 300; i++) Files.writeString(generated.resolve("T" + i + ".java"), ("// generated " + i + "\n").repeat(400));

            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            System.out.printf("%d CPUs, load average %.1f (wall times include waiting for a shared CPU; cpu = process CPU time)%n",
                    Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
            for (int round = 1; round <= 5; round++) {
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                var files = MigrationFiles.scan(List.of(migration, data), root.resolve("db"));
                long t1 = System.nanoTime();
                LockCheck.of(MigrationLock.of(files), files);
                long t2 = System.nanoTime();
                Fingerprint inputs = Fingerprint.ofInputs(files, CodegenSettings.defaults(), ToolVersions.current());
                var onDisk = Fingerprint.hashTree(generated);
                Freshness f = Freshness.assess(inputs.withGenerated(onDisk), inputs, onDisk);
                long t3 = System.nanoTime();
                long cpu = os.getProcessCpuTime() - cpu0;
                System.out.printf("round %d: scan+hash %d migrations %.1f ms, lock check %.1f ms,"
                                + " fingerprint + %d generated files %.1f ms, total %.1f ms wall, %.1f ms cpu (up to date: %s)%n",
                        round, files.size(), ms(t1 - t0), ms(t2 - t1), onDisk.size(), ms(t3 - t2), ms(t3 - t0), ms(cpu), f.upToDate());
            }
        } finally {
            FileTrees.delete(root);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
