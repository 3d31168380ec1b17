package dev.trackerdb.codegen.undo;

import dev.trackerdb.codegen.database.DatabaseProvider;
import dev.trackerdb.codegen.migrate.MigrationLocations;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The headline: every undo script of the real tracker schema survives the round trip. The checkout
 * root comes from -Dtrackerdb.root, else it is the parent of this module's directory.
 */
class TrackerSchemaUndoTest {

    @Test
    void everyUndoScriptOfTheTrackerSchemaRoundTrips() throws Exception {
        Path root = Path.of(System.getProperty("trackerdb.root", "..")).toAbsolutePath().normalize();
        Path undoDir = UndoScripts.directoryOf(root);
        assertTrue(Files.isDirectory(undoDir), "no undo directory at " + undoDir);

        List<String> lines = new ArrayList<>();
        VerifyUndoReport report = new RoundTripVerifier(DatabaseProvider.embedded(), line -> {
            lines.add(line);
            System.out.println(line);
        }).verify(MigrationLocations.ofProject(root), UndoScripts.in(undoDir));

        String text = String.join("\n", lines);
        assertEquals(0, report.failed(), text);
        assertEquals(0, report.missing(), text);
        assertEquals(UndoScripts.in(undoDir).files().size(), report.verified(), text);
    }
}
