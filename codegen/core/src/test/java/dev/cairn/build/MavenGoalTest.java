package dev.cairn.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Through the plugin's door: findings reach Maven's log at WARN and ERROR, so `mvn -q` still shows them. */
class MavenGoalTest {

    @TempDir
    Path project;

    @Test
    void findingsAreLoggedAtTheirLevelNotAsInformation() throws Exception {
        Path m = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(m.resolve("V1__create_notes.sql"), "CREATE TABLE notes (id bigint PRIMARY KEY, body text);\n");
        Files.writeString(m.resolve("V2__index_notes_body.sql"), "CREATE INDEX idx_notes_body ON notes (body);\n");
        List<String> info = new ArrayList<>();
        List<String> warn = new ArrayList<>();
        List<String> error = new ArrayList<>();
        int code = MavenGoal.run("generate", project, Map.of("daemon", "off", "database", "embedded",
                        "snapshotCache", project.resolve("snapshots").toString()), null, Map.of(), Map.of("CI", "false"),
                info::add, warn::add, error::add, root -> { }, (line, inputs) -> { });
        assertEquals(Goals.FINDINGS, code);
        assertTrue(error.stream().anyMatch(l -> l.contains("V2__index_notes_body.sql:1 error index-not-concurrent")), error.toString());
        assertTrue(warn.stream().anyMatch(l -> l.contains(" warning missing-undo ")), "warnings at WARN: " + warn);
        assertTrue(info.stream().noneMatch(l -> l.contains("index-not-concurrent") || l.contains("missing-undo")),
                "no finding at INFO, where mvn -q hides it: " + info);
        assertTrue(info.stream().anyMatch(l -> l.startsWith("lint ")), "the stage lines stay information: " + info);
    }
}
