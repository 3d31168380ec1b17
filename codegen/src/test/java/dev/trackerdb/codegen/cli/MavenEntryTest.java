package dev.trackerdb.codegen.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The build's generate skips picocli; it must still end in the very options picocli would give. */
class MavenEntryTest {

    @TempDir
    Path project;

    private static GenerateCommand viaPicocli(String... args) {
        CommandLine cli = new CommandLine(new GenerateCommand());
        cli.parseArgs(args);
        return cli.getCommand();
    }

    private void assertSame(String... options) {
        String[] withCommand = new String[options.length + 1];
        withCommand[0] = "generate";
        System.arraycopy(options, 0, withCommand, 1, options.length);
        GenerateCommand fast = MavenEntry.buildGenerate(withCommand);
        assertNotNull(fast, String.join(" ", withCommand));
        GenerateCommand parsed = viaPicocli(options);
        assertEquals(parsed.options(), fast.options(), String.join(" ", withCommand));
        assertEquals(parsed.database.choice(), fast.database.choice());
    }

    @Test
    void thePomsArgumentsGiveTheSameOptionsAsPicocli() {
        String dir = "--project-dir=" + project;
        assertSame(dir, "--force=false", "--check=false", "--database=auto");
        assertSame(dir, "--force=true", "--check=false", "--database=embedded");
        assertSame(dir, "--force=false", "--check=true", "--database=offline");
        assertSame(dir);
        assertSame();
    }

    @Test
    void anythingElseGoesThroughPicocli() {
        assertNull(MavenEntry.buildGenerate("verify-undo", "--project-dir=."));
        assertNull(MavenEntry.buildGenerate("generate", "--output=x"));
        assertNull(MavenEntry.buildGenerate("generate", "--force"));
        assertNull(MavenEntry.buildGenerate("generate", "--force=maybe"));
        assertNull(MavenEntry.buildGenerate());
    }

    @Test
    void aBadDatabaseKindIsAFailureWithTheSameWordsAsTheCli() {
        assertEquals(TrackerDb.FAILURE, MavenEntry.run("generate", "--project-dir=" + project, "--database=mysql", "--force=true"));
        assertEquals(TrackerDb.FAILURE, TrackerDb.execute("generate", "--project-dir=" + project, "--database=mysql", "--force=true"));
    }
}
