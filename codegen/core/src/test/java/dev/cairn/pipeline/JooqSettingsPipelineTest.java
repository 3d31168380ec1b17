package dev.cairn.pipeline;

import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import dev.cairn.database.DatabaseProvider;
import dev.cairn.pipeline.PipelineResult.Outcome;
import org.jooq.meta.jaxb.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jOOQ side of the settings every front end uses, through the whole pipeline: generatorConfig (a
 * jOOQ XML file) is applied and is an input of the fingerprint; several schemas are generated.
 */
class JooqSettingsPipelineTest {

    @TempDir
    Path project;

    private final List<String> lines = new ArrayList<>();

    private CairnSettings settings() {
        return settings(Map.of(Setting.GENERATOR_CONFIG, "jooq-codegen.xml"));
    }

    private CairnSettings settings(Map<Setting, String> more) {
        Map<Setting, String> explicit = new java.util.EnumMap<>(Map.of(
                Setting.LOCATIONS, "db/migration",
                Setting.OUTPUT_DIRECTORY, "generated/src/main/java",
                Setting.PACKAGE_NAME, "com.example.db"));
        explicit.putAll(more);
        return CairnSettings.resolve(project, explicit, Map.of(), Map.of());
    }

    private PipelineResult generate() throws Exception {
        return generate(settings());
    }

    private PipelineResult generate(CairnSettings settings) throws Exception {
        return new Pipeline(DatabaseProvider.embedded(), lines::add).run(settings.pipelineOptions(Map.of()));
    }

    private Path migration(String name, String sql) throws Exception {
        Path migrations = Files.createDirectories(project.resolve("db/migration"));
        Files.createDirectories(project.resolve("src/main/resources/db/undo")); // lint looks for undo scripts there
        return Files.writeString(migrations.resolve(name), sql);
    }

    private void config(String generate) throws Exception {
        Files.writeString(project.resolve("jooq-codegen.xml"), """
                <configuration>
                  <jdbc><url>jdbc:postgresql://production/app</url></jdbc>
                  <generator>
                    <database>
                      <forcedTypes><forcedType><name>BOOLEAN</name><includeExpression>.*\\.is_active</includeExpression></forcedType></forcedTypes>
                    </database>
                    <generate>%s</generate>
                  </generator>
                </configuration>
                """.formatted(generate));
    }

    @Test
    void theFileIsAppliedAndEditingItRegenerates() throws Exception {
        migration("V1__create_items.sql", "CREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY, is_active int NOT NULL);\n");
        config("");
        Path out = project.resolve("generated/src/main/java/com/example/db");

        assertEquals(Outcome.GENERATED, generate().outcome());
        assertTrue(Files.readString(out.resolve("tables/Items.java")).contains("TableField<ItemsRecord, Boolean> IS_ACTIVE"));
        assertFalse(Files.exists(out.resolve("tables/pojos")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("note") && l.contains("<jdbc> ignored")), lines.toString());

        assertEquals(Outcome.UP_TO_DATE, generate().outcome(), "nothing changed");

        config("<pojos>true</pojos>");
        lines.clear();
        PipelineResult edited = generate();
        assertEquals(Outcome.GENERATED, edited.outcome());
        assertTrue(edited.outputChanged());
        assertTrue(lines.stream().anyMatch(l -> l.contains("jOOQ generator configuration changed")), lines.toString());
        assertTrue(Files.exists(out.resolve("tables/pojos/Items.java")));
    }

    @Test
    void everySchemaInSchemasIsGeneratedInItsOwnPackage() throws Exception {
        // Flyway creates both schemas and keeps its history in the first; unqualified names land there too.
        migration("V1__create_items.sql", "CREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY);\n");
        migration("V2__create_audit_events.sql",
                "CREATE TABLE IF NOT EXISTS audit.events (id bigint PRIMARY KEY, item_id int REFERENCES items (id));\n");

        PipelineResult r = generate(settings(Map.of(Setting.SCHEMAS, "app,audit")));

        Path out = project.resolve("generated/src/main/java/com/example/db");
        assertEquals(Outcome.GENERATED, r.outcome());
        assertEquals(2, r.tables(), "both schemas counted, the history table not");
        assertTrue(Files.readString(out.resolve("app/tables/Items.java")).contains("DSL.name(\"items\")"));
        assertTrue(Files.readString(out.resolve("audit/tables/Events.java")).contains("DSL.name(\"item_id\")"));
        assertTrue(Files.readString(out.resolve("audit/Keys.java")).contains("Items.ITEMS"), "cross-schema foreign key");
        assertFalse(Files.exists(out.resolve("app/tables/FlywaySchemaHistory.java")));
    }

    @Test
    void anInlineGeneratorAndAFileAreNotBothAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings().withGenerator(new Generator()).codegen());
        assertTrue(e.getMessage().contains("Both an inline <generator> and generatorConfig (jooq-codegen.xml"), e.getMessage());
    }
}
