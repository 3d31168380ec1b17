package dev.cairn.cli;

import dev.cairn.files.FileTrees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C and SIGTERM (issue item 8), sent for real to the CLI running as a process of its own, in
 * each stage that takes long enough to be hit: the database start, migrate (a migration that
 * sleeps), generate. Each time: exit 130/143, the one line on stderr, nothing else printed after
 * the stage lines, the generated code and fingerprint as before, no server or folder left.
 */
class InterruptTest {

    @TempDir
    Path dir;

    private Path migrations;
    private Path out;
    private Path fingerprint;
    private String[] generate;

    @BeforeEach
    void generatedOnce() throws Exception {
        migrations = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(migrations.resolve("V1__create_items.sql"), "CREATE TABLE items (id bigint PRIMARY KEY, name text);\n");
        out = dir.resolve("generated");
        fingerprint = dir.resolve("codegen.fingerprint");
        generate = new String[] {"generate", "--database", "embedded", "--project-dir", dir.toString(),
                "--locations", migrations.toString(), "--output", out.toString(), "--fingerprint", fingerprint.toString(),
                "--lock-file", dir.resolve("migrations.lock").toString(), "--lint", "not-idempotent=off,missing-undo=off",
                "--undo-location", Files.createDirectories(dir.resolve("undo")).toString(),
                "--snapshot-cache", dir.resolve("snapshots").toString(), "--check", "false", "--ci", "false"};
        DatabaseCommandsTest.Result first = DatabaseCommandsTest.run(generate);
        assertEquals(0, first.code(), first.all());
    }

    private void newMigration(String sql) throws IOException {
        Files.writeString(migrations.resolve("V2__orders.sql"), sql + "CREATE TABLE orders (id bigint PRIMARY KEY, item_id bigint REFERENCES items);\n");
    }

    private void interrupt(String signal, String afterLine, long delayMillis, int expectedCode, String stages) throws Exception {
        SortedMap<String, byte[]> before = files(out);
        byte[] fingerprintBefore = Files.readAllBytes(fingerprint);
        List<String> besideOutput = names(dir);

        CliProcess cli = CliProcess.start(generate);
        try (cli) {
            cli.awaitLine(afterLine, 120);
            Thread.sleep(delayMillis);
            cli.signal(signal);
            int code = cli.exitCode(60);

            assertEquals(expectedCode, code, cli.out() + cli.err());
            String err = cli.err().strip();
            assertTrue(err.matches("interrupted during (" + stages + "); nothing was written"), "one line: " + err);
            for (String line : cli.out().lines().toList()) {
                assertTrue(line.matches("(lock|up-to-date|stale|forced|lint|snapshot|database|migrate|observe|note) .*"),
                        "only stage lines on stdout: " + cli.out());
            }
            // Nothing lost: the previous code and fingerprint; nothing left behind.
            SortedMap<String, byte[]> after = files(out);
            assertEquals(before.keySet(), after.keySet());
            for (String f : before.keySet()) assertArrayEquals(before.get(f), after.get(f), f);
            assertArrayEquals(fingerprintBefore, Files.readAllBytes(fingerprint));
            assertEquals(besideOutput, names(dir), "no staging folder beside the output");
            assertEquals(List.of(), cli.leftovers(), "no server, no temp folder of the interrupted run");
        }
    }

    @Test
    void ctrlCDuringTheDatabaseStart() throws Exception {
        newMigration("");
        // The server starts (on a thread of its own) while the migrations are linted: either stage may be
        // the one interrupted. Several moments of the start, each a race the clean-up once lost.
        for (int delay : new int[] {0, 100, 250}) {
            interrupt("INT", "stale", delay, 130, "lint|database start|migrate");
        }
    }

    @Test
    void sigtermDuringMigrate() throws Exception {
        newMigration("SELECT pg_sleep(5);\n");
        interrupt("TERM", "database", 700, 143, "migrate");
    }

    @Test
    void ctrlCDuringGenerate() throws Exception {
        newMigration("");
        interrupt("INT", "observe", 0, 130, "generate");
    }

    private static SortedMap<String, byte[]> files(Path root) throws IOException {
        SortedMap<String, byte[]> m = new TreeMap<>();
        for (var e : FileTrees.files(root).entrySet()) m.put(e.getKey(), Files.readAllBytes(e.getValue()));
        return m;
    }

    private static List<String> names(Path d) throws IOException {
        try (var list = Files.list(d)) {
            // target/ holds build caches (file hashes, lint parses) that any run may write
            return new ArrayList<>(list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("target")).sorted().toList());
        }
    }

    /** kill -9 of the server (the postmaster) while a migration runs or while jOOQ reads the schema: issue item 9. */
    @Test
    void serverKilledDuringMigrateOrGenerateIsNamedWithItsLog() throws Exception {
        newMigration("SELECT pg_sleep(10);\n");
        serverKilled("database", 700, "migrate");
        Files.writeString(migrations.resolve("V2__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY);\n");
        serverKilled("observe", 0, "generate");
    }

    private void serverKilled(String afterLine, long delayMillis, String stage) throws Exception {
        SortedMap<String, byte[]> before = files(out);
        byte[] fingerprintBefore = Files.readAllBytes(fingerprint);
        try (CliProcess cli = CliProcess.start(generate)) {
            cli.awaitLine(afterLine, 120);
            Thread.sleep(delayMillis);
            ProcessHandle postmaster = ProcessHandle.allProcesses()
                    .filter(p -> p.parent().map(ProcessHandle::pid).orElse(0L) == cli.pid())
                    .filter(p -> p.info().commandLine().map(c -> c.contains("bin/postgres")).orElse(false))
                    .findFirst().orElseThrow(() -> new AssertionError("no server under " + cli.pid() + ": " + cli.out()));
            new ProcessBuilder("kill", "-9", Long.toString(postmaster.pid())).inheritIO().start().waitFor();
            int code = cli.exitCode(60);

            assertEquals(1, code, cli.out() + cli.err());
            String err = cli.err().strip();
            assertEquals(1, err.lines().count(), "one line: " + err);
            assertTrue(err.startsWith("error: During " + stage + ", the throwaway PostgreSQL server (pid " + postmaster.pid()
                    + ") ended (killed by signal 9)"), err);
            assertTrue(err.contains("its log"), err);
            SortedMap<String, byte[]> after = files(out);
            assertEquals(before.keySet(), after.keySet());
            for (String f : before.keySet()) assertArrayEquals(before.get(f), after.get(f), f);
            assertArrayEquals(fingerprintBefore, Files.readAllBytes(fingerprint));
            assertEquals(List.of(), cli.leftovers(), "no server, no temp folder of the failed run");
        }
    }
}
