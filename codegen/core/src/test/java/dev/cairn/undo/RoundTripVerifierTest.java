package dev.cairn.undo;

import dev.cairn.connect.ConnectionSettings;
import dev.cairn.database.TemporaryServerDatabase;

import dev.cairn.database.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The round trip on small chains in a temporary directory, on a real PostgreSQL. */
class RoundTripVerifierTest {

    static final String V1 = """
            DO $$ BEGIN CREATE TYPE task_status AS ENUM ('open', 'done'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;
            CREATE TABLE IF NOT EXISTS tasks (
                id bigserial PRIMARY KEY,
                title text NOT NULL,
                status task_status NOT NULL DEFAULT 'open'
            );
            CREATE INDEX IF NOT EXISTS idx_tasks_status ON tasks (status);
            """;
    static final String U1 = """
            DROP TABLE IF EXISTS tasks;
            DROP TYPE IF EXISTS task_status;
            """;
    static final String V2 = """
            ALTER TABLE tasks ADD COLUMN IF NOT EXISTS priority integer NOT NULL DEFAULT 0;
            ALTER TABLE tasks DROP CONSTRAINT IF EXISTS check_priority;
            ALTER TABLE tasks ADD CONSTRAINT check_priority CHECK (priority >= 0);
            """;
    static final String U2 = "ALTER TABLE tasks DROP COLUMN IF EXISTS priority;\n";
    static final String V3 = "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_tasks_priority ON tasks (priority);\n";
    static final String U3 = "-- CONCURRENTLY cannot run in a transaction: alone in its file\nDROP INDEX CONCURRENTLY IF EXISTS idx_tasks_priority;\n";
    static final String V4 = "UPDATE tasks SET priority = 1 WHERE priority = 0;\n";
    static final String U4 = "-- undo of a data migration: nothing to do to the schema\n";

    static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static MigrationSet chain(Path dir) {
        return new MigrationSet(dir)
                .v(1, "create_tasks", V1).u(1, "create_tasks", U1)
                .v(2, "add_priority", V2).u(2, "add_priority", U2)
                .v(3, "index_priority", V3).u(3, "index_priority", U3)
                .v(4, "backfill_priority", V4).u(4, "backfill_priority", U4);
    }

    record Run(VerifyUndoReport report, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }
    }

    static Run verify(MigrationSet set) throws Exception {
        List<String> lines = new ArrayList<>();
        VerifyUndoReport report = new RoundTripVerifier(TemporaryServerDatabase.provider(new ConnectionSettings(server.jdbcUrl(), server.user(), server.password())), lines::add)
                .verify(set.locations(), set.undoScripts());
        return new Run(report, lines);
    }

    @Test
    void respectsPlaceholdersSchemaHistoryTableAndDottedVersions(@TempDir Path dir) throws Exception {
        MigrationSet set = new MigrationSet(dir.resolve("settings"));
        java.nio.file.Files.writeString(set.migrations.resolve("V1__create_notes.sql"),
                "CREATE TABLE IF NOT EXISTS ${prefix}notes (id int PRIMARY KEY);\n");
        java.nio.file.Files.writeString(set.migrations.resolve("V1.1__add_notes_body.sql"),
                "ALTER TABLE ${prefix}notes ADD COLUMN IF NOT EXISTS body text;\n");
        java.nio.file.Files.writeString(set.undo.resolve("U1__create_notes.sql"), "DROP TABLE IF EXISTS ${prefix}notes;\n");
        // U1_1 undoes V1.1: the same version, spelled differently
        java.nio.file.Files.writeString(set.undo.resolve("U1_1__add_notes_body.sql"),
                "ALTER TABLE ${prefix}notes DROP COLUMN IF EXISTS body;\n");
        dev.cairn.migrate.FlywaySettings flyway = new dev.cairn.migrate.FlywaySettings(set.locations(), List.of("app"),
                java.util.Map.of("prefix", "team_"), "schema_version", false);
        List<String> lines = new ArrayList<>();
        VerifyUndoReport report = new RoundTripVerifier(TemporaryServerDatabase.provider(
                new ConnectionSettings(server.jdbcUrl(), server.user(), server.password())), lines::add).verify(flyway, set.undoScripts());
        assertTrue(report.clean(true), String.join("\n", lines));
        assertEquals(2, report.results().size(), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("U1_1__add_notes_body.sql") && l.contains(" ok ")), String.join("\n", lines));
    }

    @Test
    void correctUndoScriptsPass(@TempDir Path dir) throws Exception {
        Run run = verify(chain(dir));
        assertEquals(4, run.report().verified(), run.text());
        assertTrue(run.report().clean(true));
        assertTrue(run.lines().stream().anyMatch(l -> l.matches("U3__index_priority\\.sql +ok +\\d+\\.\\d\\d s")), run.text());
        assertTrue(run.lines().getLast().startsWith("undo: 4 verified, 0 failed, 0 missing  ("), run.text());
    }

    @Test
    void undoThatForgetsAColumnFailsNamingIt(@TempDir Path dir) throws Exception {
        Run run = verify(chain(dir).u(2, "add_priority", "ALTER TABLE tasks DROP CONSTRAINT check_priority;\n"));
        assertEquals(1, run.report().failed(), run.text());
        assertTrue(run.lines().stream().anyMatch(l -> l.matches("U2__add_priority\\.sql +FAILED +\\d+\\.\\d\\d s")), run.text());
        assertTrue(run.text().contains("table tasks: column priority extra (integer)"), run.text());
        // the database is rebuilt after the failure, so the later steps still get their verdict
        assertEquals(3, run.report().verified(), run.text());
        assertFalse(run.report().clean(false));
    }

    @Test
    void undoThatForgetsAnIndexFailsNamingIt(@TempDir Path dir) throws Exception {
        Run run = verify(chain(dir).u(3, "index_priority", "-- forgot the index\n"));
        assertEquals(1, run.report().failed(), run.text());
        assertTrue(run.text().contains("index idx_tasks_priority extra"), run.text());
    }

    @Test
    void undoThatLeavesTheEnumFailsNamingIt(@TempDir Path dir) throws Exception {
        Run run = verify(chain(dir).u(1, "create_tasks", "DROP TABLE IF EXISTS tasks;\n"));
        assertEquals(1, run.report().failed(), run.text());
        assertTrue(run.text().contains("enum task_status extra"), run.text());
        assertEquals(3, run.report().verified(), run.text());
    }

    @Test
    void undoThatPostgresRejectsFailsWithFileAndLine(@TempDir Path dir) throws Exception {
        Run run = verify(chain(dir).u(2, "add_priority", "-- wrong column\n\nALTER TABLE tasks DROP COLUMN nope;\n"));
        assertEquals(1, run.report().failed(), run.text());
        assertTrue(run.text().contains("Undo U2__add_priority.sql failed at line 3"), run.text());
        assertTrue(run.text().contains("\"nope\""), run.text());
    }

    @Test
    void concurrentlyMixedWithOtherStatementsIsRejected(@TempDir Path dir) throws Exception {
        Run run = verify(chain(dir).u(3, "index_priority",
                "DROP INDEX CONCURRENTLY IF EXISTS idx_tasks_priority;\nSELECT 1;\n"));
        assertEquals(1, run.report().failed(), run.text());
        assertTrue(run.text().contains("cannot run inside a transaction, but the file has 2 statements"), run.text());
    }

    @Test
    void missingUndoPrintsSuggestedDdlAndCountsAsMissing(@TempDir Path dir) throws Exception {
        MigrationSet set = chain(dir);
        java.nio.file.Files.delete(set.undo.resolve("U2__add_priority.sql"));
        Run run = verify(set);
        assertEquals(1, run.report().missing(), run.text());
        assertEquals(0, run.report().failed(), run.text());
        assertTrue(run.report().clean(false));
        assertFalse(run.report().clean(true));
        assertTrue(run.text().contains("V2__add_priority.sql has no undo script; a starting point from the catalog diff:"), run.text());
        assertTrue(run.text().contains("    ALTER TABLE \"public\".\"tasks\" DROP COLUMN \"priority\";"), run.text());
    }

    @Test
    void missingUndoOfTableEnumAndIndexesSuggestsDroppingThemAll(@TempDir Path dir) throws Exception {
        MigrationSet set = chain(dir).v(5, "replace_status_index",
                "CREATE INDEX IF NOT EXISTS idx_tasks_open ON tasks (id) WHERE status = 'open';\n"
                        + "DROP INDEX IF EXISTS idx_tasks_status;\n");
        java.nio.file.Files.delete(set.undo.resolve("U1__create_tasks.sql"));
        java.nio.file.Files.delete(set.undo.resolve("U3__index_priority.sql"));
        Run run = verify(set);
        assertEquals(3, run.report().missing(), run.text());
        assertTrue(run.text().contains("    DROP TABLE \"public\".\"tasks\";"), run.text());
        assertTrue(run.text().contains("    DROP TYPE \"public\".\"task_status\";"), run.text());
        assertFalse(run.text().contains("\"idx_tasks_status\""), "goes with its table: " + run.text());
        assertTrue(run.text().contains("    DROP INDEX CONCURRENTLY \"public\".\"idx_tasks_priority\";"), run.text());
        assertTrue(run.text().contains("    DROP INDEX CONCURRENTLY \"public\".\"idx_tasks_open\";"), run.text());
        assertTrue(run.text().contains("    CREATE INDEX CONCURRENTLY idx_tasks_status ON public.tasks USING btree (status);"), run.text());
    }

    @Test
    void undoScriptWithoutMigrationIsReported(@TempDir Path dir) throws Exception {
        Run run = verify(chain(dir).u(9, "gone", "SELECT 1;\n"));
        assertEquals(1, run.report().failed(), run.text());
        assertTrue(run.text().contains("there is no migration V9 for this undo script"), run.text());
    }
}
