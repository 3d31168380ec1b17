package dev.cairn.cli;

import dev.cairn.cli.Cairn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cairn lint}: exit codes and output, through the same command line as the real CLI. */
class LintCommandTest {

    @TempDir
    Path project;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cairn.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private void write(String relative, String sql) throws IOException {
        Path file = project.resolve("src/main/resources/db").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    private void cleanChain() throws IOException {
        // schema and data migrations in two folders, as the tracker sample has them
        Files.writeString(project.resolve("cairn.properties"),
                "locations=filesystem:src/main/resources/db/migration,filesystem:src/main/resources/db/data\n");
        write("migration/V1__create_events.sql", "CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY);\n");
        write("data/V2__seed_first_event.sql", "INSERT INTO events (id) VALUES (1);\n");
        write("undo/U1__create_events.sql", "-- lint:ignore destructive reason: undo of V1\nDROP TABLE IF EXISTS events;\n");
        write("undo/U2__seed_first_event.sql", "-- lint:ignore delete-rows reason: undo of V2, removes the row V2 inserted\n"
                + "DELETE FROM events WHERE id = 1;\n");
    }

    @Test
    void exitsZeroWithoutErrors() throws IOException {
        cleanChain();
        int code = run("lint", "--project-dir", project.toString());
        assertEquals(Cairn.OK, code, err.toString());
        assertEquals("lint: 0 errors, 0 warnings in 4 files\n", out.toString());
    }

    @Test
    void exitsTwoOnErrorsAndPrintsThem() throws IOException {
        cleanChain();
        write("migration/V3__add_events_kind.sql", "ALTER TABLE events ADD COLUMN IF NOT EXISTS kind text NOT NULL;\n");
        write("undo/U3__add_events_kind.sql", "-- lint:ignore destructive reason: undo of V3\nALTER TABLE events DROP COLUMN IF EXISTS kind;\n");
        int code = run("lint", "--project-dir", project.toString());
        assertEquals(Cairn.FINDINGS, code, err.toString());
        assertTrue(out.toString().startsWith("src/main/resources/db/migration/V3__add_events_kind.sql:1 error "
                + "not-null-without-default "), out.toString());
        assertTrue(out.toString().endsWith("lint: 1 error, 0 warnings in 6 files\n"), out.toString());
    }

    @Test
    void severityOptionTurnsErrorsIntoWarnings() throws IOException {
        cleanChain();
        write("migration/V3__add_events_kind.sql", "ALTER TABLE events ADD COLUMN IF NOT EXISTS kind text NOT NULL;\n");
        int code = run("lint", "--project-dir", project.toString(), "--severity", "not-null-without-default=warning",
                "--severity", "missing-undo=off");
        assertEquals(Cairn.OK, code, out + "" + err);
        assertTrue(out.toString().contains(" warning not-null-without-default "), out.toString());
        assertTrue(out.toString().endsWith("lint: 0 errors, 1 warning in 5 files\n"), out.toString());
    }

    @Test
    void jsonOutput() throws IOException {
        cleanChain();
        write("migration/V3__backfill_events.sql", "UPDATE events SET id = id WHERE id < 0;\n");
        int code = run("lint", "--project-dir", project.toString(), "--json", "--severity=missing-undo=off",
                "--severity=data-change=error");
        assertEquals(Cairn.FINDINGS, code);
        assertTrue(out.toString().contains("\"file\":\"src/main/resources/db/migration/V3__backfill_events.sql\",\"line\":1,"
                + "\"ruleId\":\"data-change\",\"severity\":\"error\""), out.toString());
        assertTrue(out.toString().contains("\"errors\": 1"), out.toString());
    }

    @Test
    void explicitMigrationDirs() throws IOException {
        Path dir = project.resolve("sql/migration");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("V1__create_events.sql"), "CREATE TABLE events (id bigint);\n");
        int code = run("lint", "--project-dir", project.toString(), "--migrations", "sql/migration",
                "--severity=not-idempotent=error");
        assertEquals(Cairn.FINDINGS, code);
        assertTrue(out.toString().contains("sql/migration/V1__create_events.sql:1 error not-idempotent"), out.toString());
        assertTrue(out.toString().contains("sql/migration/V1__create_events.sql:1 warning missing-undo"), out.toString());
    }

    @Test
    void houseStyleForNamesIsOptInThroughCairnProperties() throws IOException {
        cleanChain();
        write("migration/V3_1__Add_Events_Kind.sql", "ALTER TABLE events ADD COLUMN IF NOT EXISTS kind text;\n");
        write("undo/U3_1__Add_Events_Kind.sql", "-- lint:ignore destructive reason: undo\nALTER TABLE events DROP COLUMN IF EXISTS kind;\n");
        assertEquals(Cairn.OK, run("lint", "--project-dir", project.toString()), out + "" + err);
        assertTrue(out.toString().endsWith("lint: 0 errors, 0 warnings in 6 files\n"), out.toString());

        Files.writeString(project.resolve("cairn.properties"), "lint=file-name-style=error\n", java.nio.file.StandardOpenOption.APPEND);
        out.getBuffer().setLength(0);
        assertEquals(Cairn.FINDINGS, run("lint", "--project-dir", project.toString()), out + "" + err);
        assertTrue(out.toString().contains("V3_1__Add_Events_Kind.sql:1 error file-name-style "), out.toString());
    }

    @Test
    void exitsOneOnFailure() {
        int code = run("lint", "--project-dir", project.toString(), "--migrations", "does/not/exist");
        assertEquals(Cairn.FAILURE, code);
        assertTrue(err.toString().contains("does not exist"), err.toString());
    }

    @Test
    void unterminatedStringIsAFailureNamingFileAndLine() throws IOException {
        cleanChain();
        write("migration/V3__add_events_note.sql", "SELECT 1;\nUPDATE events SET note = 'oops;\n");
        int code = run("lint", "--project-dir", project.toString());
        assertEquals(Cairn.FAILURE, code);
        assertTrue(err.toString().contains("V3__add_events_note.sql:2: unterminated string literal"), err.toString());
    }

    @Test
    void unknownRuleInSeverityIsAUsageError() throws IOException {
        cleanChain();
        int code = run("lint", "--project-dir", project.toString(), "--severity", "no-such-rule=off");
        assertEquals(Cairn.USAGE, code);
        assertTrue(err.toString().contains("Unknown rule 'no-such-rule'"), err.toString());
    }

    @Test
    void findingsInLockedMigrationsAreCountedNotFailed() throws IOException {
        cleanChain();
        write("migration/V3__add_events_kind.sql", "ALTER TABLE events ADD COLUMN IF NOT EXISTS kind text NOT NULL;\n");
        write("undo/U3__add_events_kind.sql", "-- lint:ignore drop-column reason: undo of V3\nALTER TABLE events DROP COLUMN IF EXISTS kind;\n");
        assertEquals(Cairn.FINDINGS, run("lint", "--project-dir", project.toString()), out.toString());
        assertEquals(Cairn.OK, run("lock", "--project-dir", project.toString()), out.toString() + err);
        out.getBuffer().setLength(0);
        assertEquals(Cairn.OK, run("lint", "--project-dir", project.toString()), out.toString());
        assertTrue(out.toString().contains("1 finding in released migrations (cairn lint --all lists them)"), out.toString());
    }
}
