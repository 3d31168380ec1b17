package dev.cairn.lint;

import dev.cairn.lint.rules.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** For every rule, one migration set that triggers it and one that does not. Lint needs no database. */
class LinterTest {

    @TempDir
    Path root;

    /** Each lint(...) call gets a fresh project under root, so sets in one test do not mix. */
    private int runs;
    private Path lastProject;

    private static final String BASE_TABLE = "CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, title text);\n";

    /** Files by relative path under db/ (migration/..., data/..., undo/...). */
    private LintReport lint(LintConfig config, String... pathsAndContents) throws IOException {
        lastProject = root.resolve("set" + (++runs));
        Path db = lastProject.resolve("db");
        for (String d : List.of("migration", "data", "undo")) Files.createDirectories(db.resolve(d));
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Files.writeString(db.resolve(pathsAndContents[i]), pathsAndContents[i + 1]);
        }
        return Linter.lint(List.of(db.resolve("migration"), db.resolve("data")), config);
    }

    /** The tracker's house rules on: not-idempotent and data-change are off by default. */
    private static LintConfig houseRules() {
        return LintConfig.defaults().withSeverity("not-idempotent=error").withSeverity("data-change=error");
    }

    /** Statement rules only: undo pairing and parse notes are tested on their own. */
    private LintReport lint(String... pathsAndContents) throws IOException {
        return lint(houseRules().withSeverity(Rules.MISSING_UNDO, Severity.OFF)
                .withSeverity(Rules.PARSE_FALLBACK, Severity.OFF), pathsAndContents);
    }

    private static List<String> ids(LintReport r) {
        return r.findings().stream().map(f -> f.file().getFileName() + ":" + f.line() + ":" + f.ruleId()).toList();
    }

    private static boolean has(LintReport r, String ruleId) {
        return r.findings().stream().anyMatch(f -> f.ruleId().equals(ruleId));
    }

    @Test
    void emptyMigrationsAreNamed() throws IOException {
        LintReport r = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__nothing_yet.sql", "",
                "migration/V3__only_a_note.sql", "-- TODO: backfill\n/* later */\n",
                "migration/R__events_view.sql", "   \n");
        List<String> empty = r.findings().stream().filter(f -> f.ruleId().equals("empty-migration"))
                .map(f -> f.file().getFileName() + " " + f.severity()).sorted().toList();
        assertEquals(List.of("R__events_view.sql WARNING", "V2__nothing_yet.sql WARNING", "V3__only_a_note.sql WARNING"), empty);
        assertFalse(has(lint("migration/V1__create_events.sql", BASE_TABLE), "empty-migration"), "a file with a statement is not empty");
    }

    @Test
    void indexNotConcurrent() throws IOException {
        LintReport bad = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__index_events_title.sql", "CREATE INDEX IF NOT EXISTS ix_title ON events (title);");
        assertEquals(List.of("V2__index_events_title.sql:1:index-not-concurrent"), ids(bad));

        LintReport good = lint("migration/V1__create_events.sql", BASE_TABLE
                        + "CREATE INDEX IF NOT EXISTS ix_id ON events (id);",
                "migration/V2__index_events_title.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_title ON events (title);");
        assertEquals(List.of(), ids(good));
    }

    @Test
    void dropIndexOnExistingTableNeedsConcurrently() throws IOException {
        LintReport bad = lint("migration/V1__create_events.sql", BASE_TABLE + "CREATE INDEX IF NOT EXISTS ix_id ON events (id);",
                "migration/V2__drop_events_id_index.sql", "DROP INDEX IF EXISTS ix_id;");
        assertEquals(List.of("V2__drop_events_id_index.sql:1:index-not-concurrent"), ids(bad));
        LintReport good = lint("migration/V2__drop_events_id_index.sql", "DROP INDEX CONCURRENTLY IF EXISTS ix_id;");
        assertEquals(List.of(), ids(good));
    }

    @Test
    void tablesCreatedByDataLocationCountInVersionOrder() throws IOException {
        // V2 in db/data creates the table; V3 indexes it: an existing table by then.
        LintReport r = lint("data/V2__create_events_in_data.sql", BASE_TABLE,
                "migration/V3__index_events_title.sql", "CREATE INDEX IF NOT EXISTS ix_title ON events (title);");
        assertEquals(List.of("V3__index_events_title.sql:1:index-not-concurrent"), ids(r));
    }

    @Test
    void concurrentlyNotAlone() throws IOException {
        LintReport bad = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__index_events_title.sql",
                "ALTER TABLE events ADD COLUMN IF NOT EXISTS body text;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS ix_title ON events (title);");
        assertEquals(List.of("V2__index_events_title.sql:2:concurrently-not-alone"), ids(bad));
        LintReport good = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__index_events_title.sql", "-- alone\nCREATE INDEX CONCURRENTLY IF NOT EXISTS ix_title ON events (title);\n");
        assertFalse(has(good, "concurrently-not-alone"));
    }

    @Test
    void notIdempotent() throws IOException {
        LintReport bad = lint("migration/V1__create_events.sql", """
                CREATE TABLE events (id bigint);
                CREATE SEQUENCE events_seq;
                CREATE EXTENSION pg_trgm;
                ALTER TABLE events ADD COLUMN title text;
                DROP VIEW old_view;
                CREATE TYPE mood AS ENUM ('ok');
                ALTER TABLE events ADD CONSTRAINT events_id_check CHECK (id > 0);
                """);
        assertEquals(List.of("V1__create_events.sql:1:not-idempotent-create-table", "V1__create_events.sql:2:not-idempotent-create",
                "V1__create_events.sql:3:not-idempotent-create", "V1__create_events.sql:4:not-idempotent-add-column",
                "V1__create_events.sql:5:not-idempotent-drop", "V1__create_events.sql:6:not-idempotent-create",
                "V1__create_events.sql:7:not-idempotent-add-constraint"), ids(bad));

        LintReport good = lint("migration/V1__create_events.sql", """
                CREATE TABLE IF NOT EXISTS events (id bigint);
                CREATE SEQUENCE IF NOT EXISTS events_seq;
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE OR REPLACE VIEW v AS SELECT 1;
                ALTER TABLE events ADD COLUMN IF NOT EXISTS title text;
                DROP VIEW IF EXISTS old_view;
                DO $$ BEGIN CREATE TYPE mood AS ENUM ('ok'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;
                ALTER TABLE events DROP CONSTRAINT IF EXISTS events_id_check;
                ALTER TABLE events ADD CONSTRAINT events_id_check CHECK (id > 0);
                """);
        assertEquals(List.of(), ids(good));
    }

    @Test
    void doBlockWithOtherHandlerIsNotIdempotent() throws IOException {
        LintReport r = lint("migration/V1__create_mood_type.sql",
                "DO $$\nBEGIN\n  CREATE TYPE mood AS ENUM ('ok');\nEXCEPTION WHEN others THEN NULL;\nEND $$;\n");
        assertEquals(List.of("V1__create_mood_type.sql:3:not-idempotent-create"), ids(r));
    }

    @Test
    void notNullWithoutDefault() throws IOException {
        LintReport bad = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__add_events_kind.sql", "ALTER TABLE events ADD COLUMN IF NOT EXISTS kind text NOT NULL;");
        assertEquals(List.of("V2__add_events_kind.sql:1:not-null-without-default"), ids(bad));
        LintReport good = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__add_events_kind.sql", """
                        ALTER TABLE events ADD COLUMN IF NOT EXISTS kind text NOT NULL DEFAULT 'news';
                        ALTER TABLE events ADD COLUMN IF NOT EXISTS seq bigserial;
                        ALTER TABLE events ADD COLUMN IF NOT EXISTS note text;
                        """);
        // bigserial fills existing rows (no NOT NULL failure), by rewriting the table: its own rule
        assertEquals(List.of("V2__add_events_kind.sql:2:add-serial-column"), ids(good));
        // A table created in the same file has no rows yet.
        LintReport fresh = lint("migration/V1__create_events.sql", BASE_TABLE
                + "ALTER TABLE events ADD COLUMN IF NOT EXISTS kind text NOT NULL;");
        assertEquals(List.of(), ids(fresh));
    }

    @Test
    void columnTypeChanged() throws IOException {
        LintReport bad = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__widen_events_id.sql", "ALTER TABLE events ALTER COLUMN id TYPE numeric;");
        assertEquals(List.of("V2__widen_events_id.sql:1:column-type-changed"), ids(bad));
        assertEquals(Severity.WARNING, bad.findings().getFirst().severity());
        assertFalse(bad.hasErrors());
        LintReport good = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__set_events_title_default.sql", "ALTER TABLE events ALTER COLUMN title SET DEFAULT '';");
        assertEquals(List.of(), ids(good));
    }

    @Test
    void destructive() throws IOException {
        LintReport bad = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__remove_old_event_parts.sql", """
                        ALTER TABLE events DROP COLUMN IF EXISTS title;
                        ALTER TABLE events RENAME COLUMN id TO event_id;
                        ALTER TABLE events RENAME TO news_events;
                        DROP TABLE IF EXISTS news_events;
                        """);
        assertEquals(List.of("V2__remove_old_event_parts.sql:1:drop-column", "V2__remove_old_event_parts.sql:2:rename-column",
                "V2__remove_old_event_parts.sql:3:rename-table", "V2__remove_old_event_parts.sql:4:drop-table"), ids(bad));
        LintReport good = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__remove_events_title.sql", """
                        -- lint:ignore destructive reason: title moved to event_texts in V1; nothing reads it
                        ALTER TABLE events DROP COLUMN IF EXISTS title;
                        """);
        assertEquals(List.of(), ids(good));
    }

    @Test
    void constraintNotValid() throws IOException {
        LintReport bad = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__check_events_id.sql", """
                        ALTER TABLE events DROP CONSTRAINT IF EXISTS events_id_check;
                        ALTER TABLE events ADD CONSTRAINT events_id_check
                            CHECK (id > 0);
                        """);
        assertEquals(List.of("V2__check_events_id.sql:2:constraint-not-valid"), ids(bad));
        LintReport good = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__check_events_id.sql", """
                        ALTER TABLE events DROP CONSTRAINT IF EXISTS events_id_check;
                        ALTER TABLE events ADD CONSTRAINT events_id_check CHECK (id > 0) NOT VALID;
                        ALTER TABLE events DROP CONSTRAINT IF EXISTS events_self_fkey;
                        ALTER TABLE events ADD CONSTRAINT events_self_fkey FOREIGN KEY (id) REFERENCES events (id) NOT VALID;
                        """);
        assertEquals(List.of(), ids(good));
    }

    @Test
    void dataChange() throws IOException {
        LintReport bad = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__backfill_events_title.sql", "UPDATE events SET title = '' WHERE title IS NULL;");
        assertEquals(List.of("V2__backfill_events_title.sql:1:data-change"), ids(bad));
        LintReport good = lint("migration/V1__create_events.sql", BASE_TABLE,
                "data/V2__backfill_events_title.sql",
                "UPDATE events SET title = '' WHERE title IS NULL;\nINSERT INTO events (id) VALUES (1);\nDELETE FROM events WHERE id < 0;");
        // data-change allows them in db/data; deleting rows of an existing table is still data lost
        assertEquals(List.of("V2__backfill_events_title.sql:3:delete-rows"), ids(good));
    }

    @Test
    void fileNameAcceptsEveryNameFlywayAccepts() throws IOException {
        LintReport flyway = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V1_1__Add_Events_Body.sql", "ALTER TABLE events ADD COLUMN IF NOT EXISTS body text;",
                "migration/V1.2__add events note.sql", "ALTER TABLE events ADD COLUMN IF NOT EXISTS note text;",
                "migration/V1_20_3__add_events_kind.sql", "ALTER TABLE events ADD COLUMN IF NOT EXISTS kind text;",
                "migration/V2024.01.01.1200__add_events_due.sql", "ALTER TABLE events ADD COLUMN IF NOT EXISTS due date;",
                "migration/R__events_view.sql", "CREATE OR REPLACE VIEW events_view AS SELECT id, title FROM events;",
                "migration/beforeMigrate.sql", "SELECT 1;",
                "migration/afterMigrate__analyze.sql", "ANALYZE;");
        assertEquals(List.of(), ids(flyway));
        // The house style is opt-in: the same chain fails it where names are not integer snake_case.
        LintReport styled = lint(LintConfig.defaults().withSeverity(Rules.MISSING_UNDO, Severity.OFF)
                        .withSeverity(Rules.PARSE_FALLBACK, Severity.OFF).withSeverity(Rules.FILE_NAME_STYLE, Severity.ERROR),
                "migration/V1__create_events.sql", BASE_TABLE,
                "migration/V1_1__Add_Events_Body.sql", "ALTER TABLE events ADD COLUMN IF NOT EXISTS body text;",
                "migration/R__events_view.sql", "CREATE OR REPLACE VIEW events_view AS SELECT id, title FROM events;",
                "migration/beforeMigrate.sql", "SELECT 1;");
        assertEquals(List.of("V1_1__Add_Events_Body.sql:1:file-name-style"), ids(styled));
    }

    @Test
    void fileNameRejectsWhatFlywayRejectsAndDuplicateVersions() throws IOException {
        LintReport bad = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2_add_thing.sql", "SELECT 1;",
                "migration/Vx__add_thing.sql", "SELECT 1;",
                "migration/create_events.sql", "SELECT 1;",
                "migration/V4__add_events_body.sql", "SELECT 1;",
                "data/V4.0__backfill_events_body.sql", "SELECT 1;");
        assertEquals(List.of("V4.0__backfill_events_body.sql:1:file-name", "V2_add_thing.sql:1:file-name",
                "V4__add_events_body.sql:1:file-name", "Vx__add_thing.sql:1:file-name", "create_events.sql:1:file-name"), ids(bad));
        assertTrue(bad.findings().stream().anyMatch(f -> f.message().contains("V2_add_thing.sql")
                && f.message().contains("no '__'")), bad.findings().toString());
        // A baseline shares its version with the migration it stands for: that is no duplicate.
        LintReport baseline = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/B1__create_events.sql", BASE_TABLE,
                "data/V2__backfill_events_title.sql", "SELECT 1;");
        assertEquals(List.of(), ids(baseline));
    }

    @Test
    void fileNameStyle() throws IOException {
        LintConfig style = LintConfig.defaults().withSeverity(Rules.MISSING_UNDO, Severity.OFF)
                .withSeverity(Rules.PARSE_FALLBACK, Severity.OFF).withSeverity(Rules.FILE_NAME_STYLE, Severity.ERROR);
        LintReport bad = lint(style, "migration/V1__update_schema.sql", BASE_TABLE,
                "migration/V2_1__add_thing.sql", "SELECT 1;",
                "migration/V3__fix.sql", "SELECT 1;");
        assertEquals(List.of("V1__update_schema.sql:1:file-name-style", "V2_1__add_thing.sql:1:file-name-style",
                "V3__fix.sql:1:file-name-style"), ids(bad));
        LintReport good = lint(style, "migration/V1__create_events.sql", BASE_TABLE,
                "data/V2__backfill_events_title.sql", "SELECT 1;");
        assertEquals(List.of(), ids(good));
    }

    @Test
    void missingUndo() throws IOException {
        LintConfig config = houseRules();
        LintReport bad = lint(config, "migration/V1__create_events.sql", BASE_TABLE);
        assertEquals(List.of("V1__create_events.sql:1:missing-undo"), ids(bad));
        assertFalse(bad.hasErrors());
        LintReport good = lint(config, "migration/V1__create_events.sql", BASE_TABLE, "undo/U1__create_events.sql",
                "-- lint:ignore destructive reason: undo of V1\nDROP TABLE IF EXISTS events;\n");
        assertEquals(List.of(), ids(good));
        // U1_1 undoes V1_1 and V1.1 alike: one version parser for lint, lock and undo.
        LintReport dotted = lint(config, "migration/V1__create_events.sql", BASE_TABLE,
                "migration/V1.1__add_events_body.sql", "ALTER TABLE events ADD COLUMN IF NOT EXISTS body text;",
                "undo/U1__create_events.sql", "-- lint:ignore destructive reason: undo of V1\nDROP TABLE IF EXISTS events;\n",
                "undo/U1_1__add_events_body.sql", "-- lint:ignore destructive reason: undo\nALTER TABLE events DROP COLUMN IF EXISTS body;\n");
        assertEquals(List.of(), ids(dotted));
        LintReport orphan = lint(config, "migration/V1__create_events.sql", BASE_TABLE, "undo/U1__create_events.sql", "SELECT 1;",
                "undo/U2__create_everything.sql", "SELECT 1;");
        assertEquals(List.of("U2__create_everything.sql:1:file-name"), ids(orphan));
        LintReport mismatched = lint(config.withSeverity(Rules.FILE_NAME_STYLE, Severity.ERROR),
                "migration/V1__create_events.sql", BASE_TABLE, "undo/U1__create_everything.sql", "SELECT 1;");
        assertTrue(ids(mismatched).contains("U1__create_everything.sql:1:file-name-style"), ids(mismatched).toString());
    }

    @Test
    void undoScriptSeesTheSchemaRightAfterItsVersionAndLeavesNothingBehind() throws IOException {
        LintConfig config = houseRules().withSeverity(Rules.MISSING_UNDO, Severity.OFF);
        String dropEvents = "-- lint:ignore destructive reason: undo\nDROP TABLE IF EXISTS events;\n";
        // U1 runs right after V1, where events exists (V3 drops it later): its plain index is on an existing table.
        LintReport afterItsVersion = lint(config, "migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__index_events_id.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_id ON events (id);",
                "migration/V3__drop_events.sql", dropEvents,
                "undo/U1__create_events.sql", "CREATE INDEX IF NOT EXISTS ix_title ON events (title);\n" + dropEvents);
        assertEquals(List.of("U1__create_events.sql:1:index-not-concurrent"), ids(afterItsVersion));
        // U1 drops events, but only in its own check: V2 still indexes an existing table.
        LintReport nothingLeaks = lint(config, "migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__index_events_title.sql", "CREATE INDEX IF NOT EXISTS ix_title ON events (title);",
                "undo/U1__create_events.sql", dropEvents);
        assertEquals(List.of("V2__index_events_title.sql:1:index-not-concurrent"), ids(nothingLeaks));
    }

    @Test
    void suppressionWithAndWithoutReason() throws IOException {
        LintReport withReason = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__index_events_title.sql", """
                        -- lint:ignore index-not-concurrent,not-idempotent reason: events is empty in every environment
                        CREATE INDEX ix_title ON events (title);
                        CREATE INDEX ix_id ON events (id);
                        """);
        // Suppresses only the statement right below it; the group id not-idempotent covers each rule split from it.
        assertEquals(List.of("V2__index_events_title.sql:3:index-not-concurrent", "V2__index_events_title.sql:3:not-idempotent-create-index"),
                ids(withReason));

        LintReport withoutReason = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__index_events_title.sql", """
                        -- lint:ignore index-not-concurrent
                        CREATE INDEX IF NOT EXISTS ix_title ON events (title);
                        """);
        assertEquals(List.of("V2__index_events_title.sql:1:suppression-without-reason",
                "V2__index_events_title.sql:2:index-not-concurrent"), ids(withoutReason));

        LintReport unknown = lint("migration/V1__create_events.sql", "-- lint:ignore no-such-rule reason: x\n" + BASE_TABLE);
        assertEquals(List.of("V1__create_events.sql:1:suppression-unknown-rule"), ids(unknown));
    }

    @Test
    void lineNumbersSkipCommentsStringsAndDollarBodies() throws IOException {
        LintReport r = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__change_events.sql", """
                        -- a comment; with a semicolon
                        /* block; comment
                           over lines */
                        ALTER TABLE events ADD COLUMN IF NOT EXISTS note text DEFAULT 'a;b';

                        DO $body$
                        BEGIN
                          PERFORM 1; -- inside the body
                        END $body$;
                        UPDATE events
                           SET title = 'x'
                         WHERE id = 1;
                        """);
        assertEquals(List.of("V2__change_events.sql:10:data-change"), ids(r));
    }

    @Test
    void parseFallbackIsSaid() throws IOException {
        LintReport r = lint(houseRules().withSeverity(Rules.MISSING_UNDO, Severity.OFF),
                "migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__validate_events_check.sql", "\nALTER TABLE events VALIDATE CONSTRAINT events_id_check;");
        assertEquals(List.of("V2__validate_events_check.sql:2:parse-fallback"), ids(r));
        assertEquals(Severity.INFO, r.findings().getFirst().severity());
        assertFalse(r.hasErrors());
    }

    @Test
    void severityIsConfigurable() throws IOException {
        LintConfig config = houseRules().withSeverity("missing-undo=off").withSeverity("data-change=warning");
        LintReport r = lint(config, "migration/V1__create_events.sql", BASE_TABLE + "INSERT INTO events (id) VALUES (1);");
        assertEquals(List.of("V1__create_events.sql:2:data-change"), ids(r));
        assertEquals(Severity.WARNING, r.findings().getFirst().severity());
        assertFalse(r.hasErrors());
    }

    @Test
    void formatIsOneLinePerFindingSortedWithSummary() throws IOException {
        LintReport r = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__backfill_events_title.sql", "UPDATE events SET title = '' WHERE title IS NULL;");
        String text = r.format(lastProject);
        assertEquals("db/migration/V2__backfill_events_title.sql:1 error data-change UPDATE on events in a schema migration"
                + " (fix: move the UPDATE/INSERT/DELETE into a data migration under db/data)\n"
                + "lint: 1 error, 0 warnings in 2 files\n", text);
        assertTrue(r.toJson(lastProject).contains("\"ruleId\":\"data-change\""));
    }

    @Test
    void reindexConcurrentlyNeedsItsScriptConfigToLeaveTheTransaction() throws IOException {
        LintReport bad = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__reindex_events.sql", "REINDEX TABLE CONCURRENTLY events;");
        assertEquals(List.of("V2__reindex_events.sql:1:concurrently-in-transaction"), ids(bad));
        assertTrue(Rules.byId("concurrently-in-transaction").orElseThrow().fix().contains(".sql.conf"));
        assertTrue(Rules.byId("reindex-not-concurrent").orElseThrow().fix().contains("executeInTransaction=false"),
                "the fix of a plain REINDEX names the form that runs");
        LintReport good = lint("migration/V1__create_events.sql", BASE_TABLE,
                "migration/V2__reindex_events.sql", "REINDEX TABLE CONCURRENTLY events;",
                "migration/V2__reindex_events.sql.conf", "# Flyway does not detect REINDEX CONCURRENTLY\nexecuteInTransaction=false\n");
        assertEquals(List.of(), ids(good));
    }
}
