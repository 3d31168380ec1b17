package dev.cairn.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingsReferenceTest {

    @Test
    void docsReferenceIsGeneratedFromTheSettings() throws Exception {
        Path page = Path.of("../../docs/reference.md");
        assertEquals(SettingsReference.markdown(), Files.exists(page) ? Files.readString(page) : "",
                "docs/reference.md is behind dev.cairn.config.Setting; rewrite it with"
                        + " `$JAVA_HOME/bin/java -cp codegen/core/target/classes dev.cairn.config.SettingsReference docs/reference.md` (JDK 21+)");
    }
}
