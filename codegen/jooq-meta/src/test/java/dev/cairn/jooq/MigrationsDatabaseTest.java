package dev.cairn.jooq;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.files.FileTrees;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.generate.JooqGenerator;
import dev.cairn.lint.LintConfig;
import dev.cairn.pipeline.Pipeline;
import dev.cairn.pipeline.PipelineOptions;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MigrationsDatabase through jOOQ's own GenerationTool, on a real throwaway PostgreSQL. */
class MigrationsDatabaseTest {

    @TempDir
    Path project;

    private static final CodegenSettings CODEGEN = new CodegenSettings("com.example.db", "public", "flyway_schema_history");

    private Path migrations() throws Exception {
        Path dir = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(dir.resolve("V1__create_authors.sql"),
                "CREATE TABLE IF NOT EXISTS authors (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);\n");
        Files.writeString(dir.resolve("V2__create_books.sql"), """
                CREATE TYPE book_format AS ENUM ('paper', 'ebook');
                CREATE TABLE IF NOT EXISTS books (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    author_id bigint NOT NULL REFERENCES authors (id), title text NOT NULL, format book_format);
                CREATE INDEX IF NOT EXISTS books_author_id_idx ON books (author_id);
                """);
        Files.writeString(dir.resolve("V3__add_books_isbn.sql"), "ALTER TABLE books ADD COLUMN IF NOT EXISTS isbn text;\n");
        return dir;
    }

    /** jOOQ's configuration as a team would write it: our database by name, properties, no <jdbc>. */
    private static Configuration viaMigrationsDatabase(Path target, Property... properties) {
        Configuration config = JooqGenerator.configuration(CODEGEN, target);
        Database database = config.getGenerator().getDatabase();
        database.setName(MigrationsDatabase.class.getName());
        database.setExcludes(null); // the history table is left out by the database itself
        database.withProperties(properties);
        return config;
    }

    private static Property property(String key, String value) {
        return new Property().withKey(key).withValue(value);
    }

    @Test
    void generationToolGivesTheSameClassesAsCairnsPipelineAndStopsTheServer() throws Exception {
        Path migrations = migrations();
        Path fromPipeline = project.resolve("pipeline");
        Path fromTool = project.resolve("tool");
        List<String> log = new ArrayList<>();
        new Pipeline(DatabaseProvider.embedded(), log::add).run(
                new PipelineOptions(List.of(migrations), fromPipeline, CODEGEN).withLint(LintConfig.reportOnly()));

        new GenerationTool().run(viaMigrationsDatabase(fromTool,
                property("basedir", project.toString()),
                property("locations", "filesystem:src/main/resources/db/migration"),
                property("database", "embedded")));

        var files = FileTrees.files(fromTool).keySet();
        assertTrue(files.contains("com/example/db/tables/Books.java"), files.toString());
        assertTrue(files.contains("com/example/db/enums/BookFormat.java"), files.toString());
        assertTrue(files.stream().noneMatch(f -> f.contains("FlywaySchemaHistory")), "history table left out: " + files);
        assertEquals(FileTrees.files(fromPipeline).keySet(), files);
        assertTrue(FileTrees.sameContent(fromPipeline, fromTool), "byte-identical to cairn's own generate");
        assertTrue(Files.readString(fromTool.resolve("com/example/db/tables/Books.java")).contains("DSL.name(\"isbn\")"),
                "all three migrations applied");
        assertFalse(postgresRunning(), "the server stopped when jOOQ closed the database");
    }

    @Test
    void theServerRunsFromTheFirstReadUntilJooqClosesTheDatabase() throws Exception {
        migrations();
        Properties p = new Properties();
        p.setProperty("basedir", project.toString());
        p.setProperty("database", "embedded");
        try (MigrationsDatabase database = new MigrationsDatabase()) {
            database.setProperties(p);
            database.setConfiguredSchemata(List.of(new org.jooq.meta.jaxb.SchemaMappingType().withInputSchema("public")));
            assertFalse(postgresRunning(), "nothing started before jOOQ asks");
            assertEquals(List.of("authors", "books"), database.getTables(database.getSchema("public")).stream()
                    .map(t -> t.getName()).sorted().toList());
            assertTrue(postgresRunning(), "a server while jOOQ reads");
        }
        assertFalse(postgresRunning(), "stopped by close()");
    }

    private static boolean postgresRunning() {
        return ProcessHandle.current().descendants().anyMatch(p -> p.isAlive() && p.info().command().orElse("").contains("postgres"));
    }

    @Test
    void aFailingMigrationFailsTheGenerationWithItsFileAndStopsTheServer() throws Exception {
        Path migrations = migrations();
        Files.writeString(migrations.resolve("V4__broken.sql"), "ALTER TABLE nowhere ADD COLUMN x int;\n");

        Exception e = assertThrows(Exception.class, () -> new GenerationTool().run(viaMigrationsDatabase(
                project.resolve("out"), property("basedir", project.toString()), property("database", "embedded"))));

        String messages = causes(e);
        assertTrue(messages.contains("V4__broken.sql"), messages);
        assertTrue(messages.contains("relation \"nowhere\" does not exist"), messages);
        assertFalse(postgresRunning(), "no server left");
    }

    @Test
    void propertiesUseTheSettingNamesAndRelativePathsStartAtBasedir() {
        Properties p = new Properties();
        p.setProperty("basedir", project.toString());
        p.setProperty("locations", "db/a,filesystem:db/b");
        p.setProperty("schemas", "app,audit");
        p.setProperty("placeholders", "owner=app");
        var settings = DatabaseProperties.settings(p, "/ignored", Map.of(), Map.of());
        assertEquals(List.of(project.resolve("db/a"), project.resolve("db/b")), settings.migrationDirs());
        assertEquals(List.of("app", "audit"), settings.flyway().schemas());
        assertEquals(Map.of("owner", "app"), settings.flyway().placeholders());

        Properties jooqBase = new Properties();
        assertEquals(project.resolve("src/main/resources/db/migration"),
                DatabaseProperties.settings(jooqBase, project.toString(), Map.of(), Map.of()).migrationDirs().getFirst(),
                "without a basedir property, jOOQ's own basedir");

        p.setProperty("location", "db/a");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseProperties.settings(p, null, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("unknown property 'location'"), e.getMessage());
        assertTrue(e.getMessage().contains("locations"), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
    }

    private static String causes(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (; t != null; t = t.getCause()) sb.append(t.getMessage()).append('\n');
        return sb.toString();
    }
}
