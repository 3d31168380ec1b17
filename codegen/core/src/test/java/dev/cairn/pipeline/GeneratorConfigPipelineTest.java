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

/** generatorConfig, a jOOQ XML file, through the settings every front end uses: applied, and an input of the fingerprint. */
class GeneratorConfigPipelineTest {

    @TempDir
    Path project;

    private final List<String> lines = new ArrayList<>();

    private CairnSettings settings() {
        return CairnSettings.resolve(project, Map.of(
                Setting.GENERATOR_CONFIG, "jooq-codegen.xml",
                Setting.LOCATIONS, "db/migration",
                Setting.OUTPUT_DIRECTORY, "generated/src/main/java",
                Setting.PACKAGE_NAME, "com.example.db"), Map.of(), Map.of());
    }

    private PipelineResult generate() throws Exception {
        return new Pipeline(DatabaseProvider.embedded(), lines::add).run(settings().pipelineOptions(Map.of()));
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
        Path migrations = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__create_items.sql"),
                "CREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY, is_active int NOT NULL);\n");
        Files.createDirectories(project.resolve("src/main/resources/db/undo")); // lint looks for undo scripts there
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
    void anInlineGeneratorAndAFileAreNotBothAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings().withGenerator(new Generator()).codegen());
        assertTrue(e.getMessage().contains("Both an inline <generator> and generatorConfig (jooq-codegen.xml"), e.getMessage());
    }
}
