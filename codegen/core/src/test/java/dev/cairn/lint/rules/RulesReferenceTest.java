package dev.cairn.lint.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesReferenceTest {

    @Test
    void docsLintRulesIsGeneratedFromTheRegistry() throws Exception {
        Path page = Path.of("../../docs/lint-rules.md");
        assertEquals(RulesReference.markdown(), Files.exists(page) ? Files.readString(page) : "",
                "docs/lint-rules.md is behind dev.cairn.lint.rules.Rules; rewrite it with"
                        + " `$JAVA_HOME/bin/java -cp codegen/core/target/classes dev.cairn.lint.rules.RulesReference docs/lint-rules.md` (JDK 21+)");
    }

    @Test
    void lintMdLinksTheTable() throws Exception {
        assertTrue(Files.readString(Path.of("../../docs/lint.md")).contains("(lint-rules.md)"));
    }
}
