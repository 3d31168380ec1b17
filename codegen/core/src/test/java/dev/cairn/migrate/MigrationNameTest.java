package dev.cairn.migrate;

import dev.cairn.migrate.MigrationName.Kind;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationNameTest {

    private static MigrationName parse(String name) {
        return MigrationName.parse(name).orElseThrow(() -> new AssertionError(name + " not parsed: " + MigrationName.problem(name)));
    }

    @Test
    void versionsInEverySpellingFlywayAccepts() {
        assertEquals(MigrationVersion.fromVersion("1"), parse("V1__create_events.sql").version());
        assertEquals(MigrationVersion.fromVersion("1.1"), parse("V1_1__add_body.sql").version());
        assertEquals(MigrationVersion.fromVersion("1.1"), parse("V1.1__add_body.sql").version());
        assertEquals(parse("V1_1__a.sql").version(), parse("U1_1__a.sql").version(), "U1_1 undoes V1_1");
        assertEquals("1.20.3", parse("V1_20_3__x.sql").versionText());
        assertTrue(parse("V2024.01.01.1200__x.sql").version().isNewerThan("1.20.3"));
        assertEquals("add body", parse("V1_1__add_body.sql").displayDescription());
    }

    @Test
    void kinds() {
        assertEquals(Kind.VERSIONED, parse("V3__x.sql").kind());
        assertEquals(Kind.UNDO, parse("U3__x.sql").kind());
        assertEquals(Kind.BASELINE, parse("B1_20_0__baseline.sql").kind());
        MigrationName repeatable = parse("R__views.sql");
        assertEquals(Kind.REPEATABLE, repeatable.kind());
        assertNull(repeatable.version());
        assertEquals(Kind.CALLBACK, parse("beforeMigrate.sql").kind());
        assertEquals(Kind.CALLBACK, parse("afterMigrate__refresh_stats.sql").kind());
        assertTrue(Kind.BASELINE.locked() && Kind.VERSIONED.locked() && !Kind.REPEATABLE.locked());
    }

    @Test
    void namesFlywayRejectsSayWhy() {
        assertTrue(MigrationName.parse("V2_add_thing.sql").isEmpty());
        assertTrue(MigrationName.problem("V2_add_thing.sql").contains("no '__'"));
        assertTrue(MigrationName.problem("Vx__thing.sql").contains("'x' is not a version"));
        assertTrue(MigrationName.problem("V1__thing.txt").contains("does not end in .sql"));
        assertTrue(MigrationName.problem("create_events.sql").contains("neither V, B, R nor U"));
        assertTrue(MigrationName.parse("beforeMigrat.sql").isEmpty(), "not a Flyway event");
        assertNull(MigrationName.problem("V1__x.sql"));
    }
}
