package dev.cairn.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CairnSettingsTest {

    @TempDir
    Path project;

    @Test
    void oneNameInEveryFrontEnd() {
        assertEquals("cairn.outputDirectory", Setting.OUTPUT_DIRECTORY.property());
        assertEquals("CAIRN_OUTPUT_DIRECTORY", Setting.OUTPUT_DIRECTORY.environmentVariable());
        assertEquals("--output-directory", Setting.OUTPUT_DIRECTORY.option());
        assertEquals("--out-of-order", Setting.OUT_OF_ORDER.option());
    }

    @Test
    void explicitBeatsPropertyBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        Files.writeString(project.resolve("cairn.properties"), "packageName=from.file\ntable=file_table\nschemas=app\n");
        CairnSettings s = CairnSettings.resolve(project, Map.of(Setting.PACKAGE_NAME, "from.pom"),
                Map.of("cairn.packageName", "from.property", "cairn.table", "property_table"),
                Map.of("CAIRN_TABLE", "env_table", "CAIRN_SCHEMAS", "env_schema"));
        assertEquals("from.pom", s.value(Setting.PACKAGE_NAME));
        assertEquals("property_table", s.value(Setting.TABLE));
        assertEquals("env_schema", s.value(Setting.SCHEMAS));
        assertEquals("file_table", CairnSettings.resolve(project, Map.of(), Map.of(), Map.of()).value(Setting.TABLE));
        assertEquals("-Dcairn.table", s.sources().get(Setting.TABLE));
    }

    @Test
    void locationsMapOntoProjectFolders() {
        CairnSettings s = CairnSettings.resolve(project,
                Map.of(Setting.LOCATIONS, "classpath:db/migration, filesystem:sql/tenant,extra"), Map.of(), Map.of());
        assertEquals(List.of(project.resolve("src/main/resources/db/migration"), project.resolve("sql/tenant"),
                project.resolve("extra")), s.migrationDirs());
        assertThrows(IllegalArgumentException.class, () -> CairnSettings.resolve(project,
                Map.of(Setting.LOCATIONS, "s3:bucket/x"), Map.of(), Map.of()).migrationDirs());
    }

    @Test
    void placeholdersAndFlags() {
        CairnSettings s = CairnSettings.resolve(project, Map.of(Setting.PLACEHOLDERS, "tenant=acme, owner = app"),
                Map.of("cairn.force", ""), Map.of());
        assertEquals(Map.of("tenant", "acme", "owner", "app"), s.placeholders());
        assertTrue(s.flag(Setting.FORCE), "-Dcairn.force without a value means true");
        assertThrows(IllegalArgumentException.class, () -> CairnSettings.resolve(project,
                Map.of(Setting.PLACEHOLDERS, "novalue"), Map.of(), Map.of()).placeholders());
    }

    @Test
    void ciChecksOnlyCommittedOutput() {
        Map<String, String> ci = Map.of("CI", "true");
        assertFalse(CairnSettings.resolve(project, Map.of(), Map.of(), Map.of()).policy(ci).check(), "target/ output is rebuilt, not checked");
        assertTrue(CairnSettings.resolve(project, Map.of(Setting.OUTPUT_DIRECTORY, "src/generated/java"), Map.of(), Map.of()).policy(ci).check());
        assertFalse(CairnSettings.resolve(project, Map.of(Setting.OUTPUT_DIRECTORY, "src/generated/java",
                Setting.CHECK, "false"), Map.of(), Map.of()).policy(ci).check(), "an explicit check=false wins");
    }

    @Test
    void unknownKeyInTheProjectFileIsNamed() throws Exception {
        Files.writeString(project.resolve("cairn.properties"), "outputDir=x\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CairnSettings.resolve(project, Map.of(), Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("unknown setting 'outputDir'"), e.getMessage());
    }
}
