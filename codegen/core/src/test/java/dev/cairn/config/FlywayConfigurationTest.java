package dev.cairn.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The team's Flyway configuration is cairn's, where cairn was told nothing else. */
class FlywayConfigurationTest {

    @TempDir
    Path project;

    @Test
    void flywayConfGivesLocationsSchemasTablePlaceholdersAndOutOfOrder() throws Exception {
        Files.writeString(project.resolve("flyway.conf"), """
                flyway.url=jdbc:postgresql://localhost/shop
                flyway.locations=filesystem:db/sql, classpath:db/data
                flyway.schemas=audit,shop
                flyway.defaultSchema=shop
                flyway.table=shop_history
                flyway.placeholders.currency=EUR
                flyway.outOfOrder=true
                flyway.sqlMigrationSuffixes=.pg.sql
                """);
        CairnSettings s = CairnSettings.resolve(project, Map.of(), Map.of(), Map.of());
        assertEquals(List.of("filesystem:db/sql", "classpath:db/data"), s.list(Setting.LOCATIONS));
        assertEquals(List.of("shop", "audit"), s.list(Setting.SCHEMAS), "the default schema first: it holds the history");
        assertEquals("shop_history", s.value(Setting.TABLE));
        assertEquals(Map.of("currency", "EUR"), s.placeholders());
        assertTrue(s.flag(Setting.OUT_OF_ORDER));
        assertEquals("flyway.conf", s.sources().get(Setting.TABLE));
        assertEquals(Optional.of("flyway.conf: locations, schemas, placeholders, table, outOfOrder taken from it;"
                + " not followed by cairn yet: flyway.sqlMigrationSuffixes"), s.flywayLine());
    }

    @Test
    void cairnsOwnSettingWinsAndTheConflictIsSaid() throws Exception {
        Files.writeString(project.resolve("flyway.conf"), "flyway.table=shop_history\nflyway.schemas=shop\n");
        Files.writeString(project.resolve("cairn.properties"), "table=flyway_schema_history\n");
        CairnSettings s = CairnSettings.resolve(project, Map.of(), Map.of(), Map.of());
        assertEquals("flyway_schema_history", s.value(Setting.TABLE));
        assertEquals(List.of("shop"), s.list(Setting.SCHEMAS));
        assertEquals(Optional.of("flyway.conf: schemas taken from it; cairn's own setting wins over it for"
                + " table (cairn.properties: flyway_schema_history; flyway.conf: shop_history)"), s.flywayLine());
    }

    @Test
    void theMavenPluginsFlywayKeysComeBeforeFlywayConf() throws Exception {
        Files.writeString(project.resolve("flyway.conf"), "flyway.table=from_conf\n");
        // What the plugin passes: flyway-maven-plugin's <configuration> (and -Dflyway.*) as flyway.* keys.
        CairnSettings s = CairnSettings.resolve(project, Map.of(), Map.of("flyway.table", "from_pom",
                FlywayConfiguration.SOURCE_PROPERTY, "flyway-maven-plugin (pom.xml)"), Map.of());
        assertEquals("from_pom", s.value(Setting.TABLE));
        assertEquals("flyway-maven-plugin (pom.xml) and flyway.conf", s.sources().get(Setting.TABLE));
    }

    @Test
    void withoutAFlywayConfigurationNothingChangesAndNothingIsSaid() {
        CairnSettings s = CairnSettings.resolve(project, Map.of(), Map.of(), Map.of());
        assertEquals("flyway_schema_history", s.value(Setting.TABLE));
        assertEquals(Optional.empty(), s.flywayLine());
    }
}
