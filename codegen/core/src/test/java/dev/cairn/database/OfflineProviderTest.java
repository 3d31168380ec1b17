package dev.cairn.database;

import dev.cairn.lint.LintConfig;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.pipeline.Pipeline;
import dev.cairn.pipeline.PipelineOptions;
import dev.cairn.pipeline.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineProviderTest {

    @Test
    void generatesWithoutADatabaseAndListsWhatItCouldNotInterpret(@TempDir Path out) throws Exception {
        List<String> lines = new ArrayList<>();
        OfflineProvider offline = new OfflineProvider(lines::add);
        PipelineResult r = new Pipeline(offline, lines::add).run(new PipelineOptions(
                List.of(ProviderTestSupport.migrations()), out.resolve("java"), CodegenSettings.defaults()).withLint(LintConfig.reportOnly()));

        assertEquals(2, r.tables(), String.join("\n", lines));
        String things = Files.readString(out.resolve("java/org/jooq/generated/tables/Things.java"));
        assertTrue(things.contains("DSL.name(\"things\")"), "lower-case names as in PostgreSQL");
        String schema = Files.readString(out.resolve("java/org/jooq/generated/Public.java"));
        assertTrue(schema.contains("DSL.name(\"public\")"), "schema is public, not H2's PUBLIC:\n" + schema);
        assertTrue(lines.stream().anyMatch(l -> l.contains("V2__owners.sql:8: DO $$")), String.join("\n", lines));
        System.out.println(String.join("\n", lines));
    }

    @Test
    void honoursJooqIgnoreComments(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), """
                CREATE TABLE a (id int);
                /* [jooq ignore start] */
                ALTER SYSTEM SET work_mem = '64MB';
                /* [jooq ignore stop] */
                CREATE TABLE b (id int);
                """);
        try (OfflineProvider.OfflineSchema s = new OfflineProvider(l -> { }).interpret(List.of(dir))) {
            assertEquals(List.of(), s.uninterpreted());
            assertEquals(2, s.statements());
            assertEquals(1, s.ignoredByComment());
        }
    }

    @Test
    void hasNoDatabaseToStart() {
        assertThrows(UnsupportedOperationException.class, () -> new OfflineProvider(l -> { }).start());
    }

    @Test
    void splitsStatementsRespectingQuotesAndDollarBodies() {
        List<SqlScriptStatements.Statement> s = SqlScriptStatements.split("""
                -- a; comment
                CREATE TABLE "x;y" (v text DEFAULT 'a;b');
                /* block; /* nested; */ */
                DO $body$ BEGIN PERFORM 1; END $body$;
                SELECT E'it\\'s; fine';
                """);
        assertEquals(3, s.size(), s.toString());
        assertEquals(2, s.get(0).line());
        assertEquals(4, s.get(1).line());
        assertTrue(s.get(1).sql().endsWith("END $body$"));
        assertEquals(5, s.get(2).line());
    }
}
