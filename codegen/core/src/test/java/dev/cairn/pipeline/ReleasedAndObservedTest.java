package dev.cairn.pipeline;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.lint.LintConfig;
import dev.cairn.lock.MigrationLocker;
import dev.cairn.migrate.MigrationFiles;
import dev.cairn.observe.ObservedRiskException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A team adopts cairn on an old chain: after `cairn lock` its released migrations never fail a build,
 * whatever lint thinks of them; a new migration that rewrites an existing table fails, naming the
 * file, the line, the rule and what PostgreSQL showed; a reason on the line before lets it through.
 */
class ReleasedAndObservedTest {

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();

    @Test
    void releasedFindingsAreASummaryAndANewRewriteFailsTheBuild() throws Exception {
        Path m = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(m.resolve("V1__create_events.sql"), "CREATE TABLE events (id integer PRIMARY KEY, status text);\n");
        // What an old chain has: an index built without CONCURRENTLY on an existing table (a lint error).
        Files.writeString(m.resolve("V2__index_events_status.sql"), "CREATE INDEX idx_events_status ON events (status);\n");
        Path out = dir.resolve("out");
        PipelineOptions options = new PipelineOptions(List.of(m), out, CodegenSettings.defaults()).withLint(LintConfig.defaults());

        // Without the lock both are new work: the old index fails lint.
        assertThrows(dev.cairn.lint.LintFailedException.class,
                () -> new Pipeline(DatabaseProvider.embedded(), lines::add).run(options));

        // Adopting: `cairn lock` releases them. Now the build is green and says what it let pass.
        MigrationLocker.enforce(options.lockFile(), MigrationFiles.scan(List.of(m), options.lockFile().getParent()).migrations(),
                MigrationLocker.Mode.RELOCK);
        lines.clear();
        new Pipeline(DatabaseProvider.embedded(), lines::add).run(options);
        String lint = lines.stream().filter(l -> l.startsWith("lint ")).findFirst().orElseThrow();
        assertTrue(lint.contains("0 errors") && lint.contains("in released migrations (cairn lint --all lists them)"), lint);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("observe")), "nothing new to watch: " + lines);
        String before = Files.readString(out.resolve("org/jooq/generated/tables/Events.java"));

        // One new migration that rewrites the table: lint only warns about a type change, the database shows the rewrite.
        Path v3 = m.resolve("V3__widen_events_id.sql");
        Files.writeString(v3, "-- ids outgrow integer\nALTER TABLE events ALTER COLUMN id TYPE bigint;\n");
        lines.clear();
        ObservedRiskException e = assertThrows(ObservedRiskException.class,
                () -> new Pipeline(DatabaseProvider.embedded(), lines::add).run(options));
        assertTrue(e.getMessage().contains("1 risky change observed"), e.getMessage());
        String finding = lines.stream().filter(l -> l.contains("observed-rewrite")).findFirst().orElseThrow(() -> new AssertionError(lines));
        assertTrue(finding.endsWith("V3__widen_events_id.sql:2 error observed-rewrite rewrote table public.events"
                + " (relfilenode changed) under ACCESS EXCLUSIVE"), finding);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("observe     1 new migration watched on the database: 1 error")), lines.toString());
        assertEquals(before, Files.readString(out.resolve("org/jooq/generated/tables/Events.java")), "nothing generated");
        assertFalse(Files.readString(options.lockFile()).contains("V3__"), "not locked after a failed run");

        // Acknowledged with a reason: the run goes through and the migration is locked.
        Files.writeString(v3, "-- ids outgrow integer\n-- lint:ignore observed-rewrite reason: events has a few hundred rows\n"
                + "ALTER TABLE events ALTER COLUMN id TYPE bigint;\n");
        lines.clear();
        new Pipeline(DatabaseProvider.embedded(), lines::add).run(options);
        assertTrue(Files.readString(options.lockFile()).contains("V3__widen_events_id.sql"));
        assertTrue(Files.readString(out.resolve("org/jooq/generated/tables/Events.java")).contains("Long"), "bigint now");
    }
}
