package dev.cairn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run killed outright (kill -9: no shutdown hook) leaves its server and folders; the next run of
 * any command removes them (issue item 14). The server it leaves does not let local users in
 * without its password.
 */
class LeftoversTest {

    @TempDir
    Path dir;

    @Test
    void aKilledRunsServerAndFoldersAreRemovedByTheNextLintOrNoOpGenerate() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(migrations.resolve("V1__create_items.sql"), "CREATE TABLE items (id bigint PRIMARY KEY, name text);\n");
        Path out = dir.resolve("generated");
        String[] generate = {"generate", "--database", "embedded", "--project-dir", dir.toString(),
                "--locations", migrations.toString(), "--output", out.toString(),
                "--fingerprint", dir.resolve("codegen.fingerprint").toString(),
                "--lock-file", dir.resolve("migrations.lock").toString(), "--lint", "not-idempotent=off,missing-undo=off",
                "--undo-location", Files.createDirectories(dir.resolve("undo")).toString(),
                "--snapshot-cache", dir.resolve("snapshots").toString(), "--check", "false", "--ci", "false"};
        assertEquals(0, DatabaseCommandsTest.run(generate).code());

        Path v2 = migrations.resolve("V2__slow.sql");
        Files.writeString(v2, "SELECT pg_sleep(30);\nCREATE TABLE orders (id bigint PRIMARY KEY);\n");
        CliProcess cli = CliProcess.start(generate);
        List<String> left;
        try (cli) {
            cli.awaitLine("database", 120);
            Thread.sleep(500);
            cli.signal("9");
            cli.exitCode(30);
            left = cli.leftovers();
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        String workDir = left.stream().filter(n -> n.startsWith("cairn-pg-")).findFirst()
                .orElseThrow(() -> new AssertionError("a killed run leaves its server's folder: " + left));
        assertTrue(left.stream().anyMatch(n -> n.startsWith("process ")), "and its server: " + left);
        List<String> staging = stagingBeside(out);
        assertEquals(1, staging.size(), "and its staging folder: " + staging);

        // The server it left needs its password: trust would let every local user in as superuser.
        List<String> pid = Files.readAllLines(tmp.resolve(workDir).resolve("data/postmaster.pid"));
        String url = "jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres";
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "postgres", "").close());
        assertTrue(refused.getMessage().contains("password"), refused.getMessage());

        // Folders of older or other dead runs: an unpack and a warm-up.
        Path oldUnpack = Files.createDirectories(tmp.resolve("cairn-postgres-unpack-1234567890"));
        Files.setLastModifiedTime(oldUnpack, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path deadWarmUp = Files.createDirectories(tmp.resolve("cairn-generator-warmup-" + deadPid() + "-1-x"));

        // lint: no database, but it clears what the killed run left.
        DatabaseCommandsTest.Result lint = DatabaseCommandsTest.run("lint", "--project-dir", dir.toString(),
                "--locations", migrations.toString());
        assertTrue(lint.code() == 0 || lint.code() == 2, lint.all());
        long serverPid = Long.parseLong(pid.getFirst().trim());
        ProcessHandle.of(serverPid).ifPresent(p -> {
            try {
                p.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("server " + serverPid + " still running", e);
            }
        });
        assertFalse(Files.exists(tmp.resolve(workDir)), "the killed run's server folder");
        assertFalse(Files.exists(oldUnpack), "an unpack folder of an older cairn, two days old");
        assertFalse(Files.exists(deadWarmUp), "a warm-up folder of a dead run");

        // A no-op generate clears the staging folder beside the output.
        Files.delete(v2);
        DatabaseCommandsTest.Result noOp = DatabaseCommandsTest.run(generate);
        assertEquals(0, noOp.code(), noOp.all());
        assertTrue(noOp.out().startsWith("lock") && noOp.out().contains("up-to-date"), noOp.out());
        assertEquals(List.of(), stagingBeside(out));
    }

    private static List<String> stagingBeside(Path out) throws Exception {
        try (var list = Files.list(out.getParent())) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".generated.")).toList();
        }
    }

    /** A pid no process has now. */
    private static long deadPid() {
        long pid = 4_000_000;
        while (ProcessHandle.of(pid).isPresent()) pid++;
        return pid;
    }
}
