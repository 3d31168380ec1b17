package dev.cairn.cli;

import dev.cairn.catalog.CatalogSnapshot;
import dev.cairn.database.EmbeddedPostgres;
import dev.cairn.migrate.FlywayFactory;
import dev.cairn.migrate.MigrationFailedException;
import dev.cairn.migrate.MigrationLocations;
import dev.cairn.migrate.Migrator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cairn undo} on a real PostgreSQL database migrated by Flyway, one fresh database per test. */
class UndoCommandTest {

    private static EmbeddedPostgres server;
    private static final AtomicInteger counter = new AtomicInteger();

    @TempDir
    Path dir;
    private Path migrations;
    private Path undo;
    private String url;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @BeforeEach
    void chain() throws Exception {
        migrations = Files.createDirectories(dir.resolve("migration"));
        undo = Files.createDirectories(dir.resolve("undo"));
        write(migrations, "V1__create_tasks.sql", """
                CREATE TYPE task_status AS ENUM ('open', 'done');
                CREATE TABLE tasks (id bigserial PRIMARY KEY, title text NOT NULL, status task_status NOT NULL DEFAULT 'open');
                """);
        write(undo, "U1__create_tasks.sql", "DROP TABLE IF EXISTS tasks;\nDROP TYPE IF EXISTS task_status;\n");
        write(migrations, "V2__add_priority.sql", "ALTER TABLE tasks ADD COLUMN priority integer NOT NULL DEFAULT 0;\n");
        write(undo, "U2__add_priority.sql", "ALTER TABLE tasks DROP COLUMN IF EXISTS priority;\n");
        write(migrations, "V3__index_priority.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_tasks_priority ON tasks (priority);\n");
        write(undo, "U3__index_priority.sql", "DROP INDEX CONCURRENTLY IF EXISTS idx_tasks_priority;\n");
        write(migrations, "V4__add_done_at.sql", "ALTER TABLE tasks ADD COLUMN done_at timestamptz;\n");
        write(undo, "U4__add_done_at.sql", "ALTER TABLE tasks DROP COLUMN IF EXISTS done_at;\n");

        String name = "undo" + counter.incrementAndGet();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        url = server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1) + name;
        migrate();
    }

    private void migrate() {
        Migrator.migrate(FlywayFactory.configure(url, server.user(), server.password(),
                MigrationLocations.directories(List.of(migrations))).load());
    }

    record Result(int exit, String out, String err) {
    }

    private Result undo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("undo", "--url", url, "--user", server.user(), "--password", server.password(), "--undo-dir", undo.toString()));
        all.addAll(List.of(args));
        int exit = Cairn.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    private List<String> history() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) rows.add(rs.getString(1) + (rs.getBoolean(2) ? "" : " (failed)"));
        }
        return rows;
    }

    private CatalogSnapshot catalog() throws Exception {
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password())) {
            return CatalogSnapshot.read(c, "public");
        }
    }

    @Test
    void stepsTwoUndoesTheNewestTwoAndMigrateAppliesThemAgain() throws Exception {
        CatalogSnapshot atFour = catalog();
        Result r = undo("--steps", "2");
        assertEquals(Cairn.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*U4__add_done_at\\.sql +undone +1 statement, in a transaction +\\d+\\.\\d\\d s.*"), r.out());
        assertTrue(r.out().matches("(?s).*U3__index_priority\\.sql +undone +1 statement, no transaction +\\d+\\.\\d\\d s.*"), r.out());
        assertTrue(r.out().indexOf("U4__") < r.out().indexOf("U3__"), "newest first: " + r.out());
        assertTrue(r.out().contains("undo: 2 version(s) undone, schema now at version 2"), r.out());

        assertEquals(List.of("1", "2"), history());
        CatalogSnapshot atTwo = catalog();
        assertFalse(atTwo.indexes().containsKey("idx_tasks_priority"));
        assertFalse(atTwo.tables().get("tasks").columns().containsKey("done_at"));
        assertTrue(atTwo.tables().get("tasks").columns().containsKey("priority"));

        migrate();
        assertEquals(List.of("1", "2", "3", "4"), history());
        assertTrue(atFour.sameAs(catalog()), "migrate after undo restores version 4's catalog");
    }

    @Test
    void toZeroUndoesEverything() throws Exception {
        Result r = undo("--to", "0");
        assertEquals(Cairn.OK, r.exit(), r.out() + r.err());
        assertEquals(List.of(), history());
        assertTrue(catalog().tables().isEmpty());
        assertTrue(catalog().enums().isEmpty());
    }

    @Test
    void refusesWhenAnUndoScriptIsMissingAndChangesNothing() throws Exception {
        Files.delete(undo.resolve("U3__index_priority.sql"));
        CatalogSnapshot before = catalog();
        Result r = undo("--to", "1");
        assertEquals(Cairn.FAILURE, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("V3__index_priority.sql has no undo script"), r.err());
        assertTrue(r.err().contains("Nothing was changed"), r.err());
        assertEquals(List.of("1", "2", "3", "4"), history());
        assertTrue(before.sameAs(catalog()), "U4 must not run when U3 is missing");
    }

    @Test
    void refusesATargetThatIsNotApplied() throws Exception {
        Result r = undo("--to", "7");
        assertEquals(Cairn.FAILURE, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("Version 7 is not applied here (applied: 1, 2, 3, 4)"), r.err());
        assertEquals(List.of("1", "2", "3", "4"), history());
    }

    @Test
    void refusesWhenTheHistoryHasFailedEntries() throws Exception {
        // A CONCURRENTLY migration runs outside a transaction, so Flyway records its failure.
        write(migrations, "V5__index_missing_column.sql", "CREATE INDEX CONCURRENTLY idx_nope ON tasks (nope);\n");
        assertThrows(MigrationFailedException.class, this::migrate);
        assertEquals(List.of("1", "2", "3", "4", "5 (failed)"), history());

        Result r = undo("--steps", "1");
        assertEquals(Cairn.FAILURE, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("failed entries:\n  V5__index_missing_column.sql"), r.err());
        assertTrue(r.err().contains("flyway repair"), r.err());
        assertEquals(List.of("1", "2", "3", "4", "5 (failed)"), history());
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        Result r = undo("--to", "2", "--dry-run");
        assertEquals(Cairn.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("Would undo 2 version(s), from 4 to 2"), r.out());
        assertTrue(r.out().matches("(?s).*U3__index_priority\\.sql +1 statement, no transaction; then delete its history row.*"), r.out());
        assertEquals(List.of("1", "2", "3", "4"), history());
    }

    @Test
    void aFailingStepIsRolledBackWithItsHistoryRow() throws Exception {
        write(undo, "U4__add_done_at.sql", "ALTER TABLE tasks DROP COLUMN done_at;\nALTER TABLE tasks DROP COLUMN nope;\n");
        Result r = undo("--steps", "1");
        assertEquals(Cairn.FAILURE, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("Undo U4__add_done_at.sql failed at line 2"), r.err());
        assertTrue(r.err().contains("Nothing was undone."), r.err());
        assertEquals(List.of("1", "2", "3", "4"), history());
        assertTrue(catalog().tables().get("tasks").columns().containsKey("done_at"), "first statement rolled back too");
    }

    private void onDatabase(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    // ---- data loss is counted, shown and refused (issue item 4) -----------------------------------

    @Test
    void undoThatDropsFilledTablesAndColumnsIsRefusedWithCounts() throws Exception {
        onDatabase("INSERT INTO tasks (title, priority, done_at) VALUES ('a', 1, now()), ('b', 2, now()), ('c', 3, NULL)");
        CatalogSnapshot atFour = catalog();

        Result dry = undo("--to", "0", "--dry-run");
        assertEquals(Cairn.FINDINGS, dry.exit(), dry.out() + dry.err());
        assertTrue(dry.out().contains("It would destroy data:\n  table tasks: 3 rows\n"), dry.out());
        assertEquals("refused: undoing to version 0 destroys the data listed above; back it up or move it first,"
                + " or pass --allow-data-loss. Nothing was changed.", dry.err().strip());

        Result column = undo("--steps", "1");
        assertEquals(Cairn.FINDINGS, column.exit(), column.out() + column.err());
        assertTrue(column.out().contains("  column tasks.done_at: 2 values (not null)\n"), column.out());
        assertEquals(1, column.err().strip().lines().count(), column.err());
        // Nothing lost, nothing left behind: same catalog, same rows, same history.
        assertTrue(atFour.sameAs(catalog()));
        assertEquals(List.of("1", "2", "3", "4"), history());
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*), count(done_at) FROM tasks")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
            assertEquals(2, rs.getInt(2));
        }

        Result allowed = undo("--steps", "1", "--allow-data-loss");
        assertEquals(Cairn.OK, allowed.exit(), allowed.out() + allowed.err());
        assertTrue(allowed.out().contains("This undo destroys data:\n  column tasks.done_at: 2 values (not null)\n"), allowed.out());
        assertEquals(List.of("1", "2", "3"), history());
    }

    @Test
    void undoThatTruncatesOrDeletesRowsOfAnyTableIsRefusedWithCounts() throws Exception {
        // The case: orders (empty) is dropped, items loses its rows through TRUNCATE ... CASCADE.
        write(migrations, "V5__orders.sql", """
                CREATE TABLE items (id bigint PRIMARY KEY, name text);
                CREATE SCHEMA audit;
                CREATE TABLE audit.log (id bigint PRIMARY KEY, what text);
                CREATE TABLE orders (id bigint PRIMARY KEY);
                """);
        write(undo, "U5__orders.sql", "TRUNCATE items CASCADE;\nDELETE FROM audit.log WHERE id > 1;\nDROP TABLE orders;\n");
        migrate();
        onDatabase("INSERT INTO items VALUES (1, 'pen'), (2, 'ink'); INSERT INTO audit.log VALUES (1, 'a'), (2, 'b'), (3, 'c')");

        Result refused = undo("--steps", "1");
        assertEquals(Cairn.FINDINGS, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.out().contains("This undo destroys data:\n"
                + "  table audit.log: 2 rows removed (3 before, 1 after)\n"
                + "  table items: 2 rows removed (2 before, 0 after)\n"), refused.out());
        assertFalse(refused.out().contains("orders"), "an empty table loses nothing: " + refused.out());
        assertEquals(List.of("1", "2", "3", "4", "5"), history());
        assertEquals(List.of("2", "3"), counts("SELECT count(*) FROM items", "SELECT count(*) FROM audit.log"));

        Result allowed = undo("--steps", "1", "--allow-data-loss");
        assertEquals(Cairn.OK, allowed.exit(), allowed.out() + allowed.err());
        assertEquals(List.of("1", "2", "3", "4"), history());
        assertEquals(List.of("0", "1"), counts("SELECT count(*) FROM items", "SELECT count(*) FROM audit.log"));
    }

    private List<String> counts(String... queries) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password()); Statement s = c.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = s.executeQuery(q)) {
                    rs.next();
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Test
    void undoThatDropsOnlyEmptyColumnsNeedsNoPermission() throws Exception {
        onDatabase("INSERT INTO tasks (title, priority) VALUES ('a', 1)"); // done_at stays NULL
        Result r = undo("--steps", "1");
        assertEquals(Cairn.OK, r.exit(), r.out() + r.err());
        assertFalse(r.out().contains("destroy"), r.out());
    }

    private static void write(Path d, String name, String sql) throws Exception {
        Files.writeString(d.resolve(name), sql);
    }
}
