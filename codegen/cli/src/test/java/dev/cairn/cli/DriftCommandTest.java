package dev.cairn.cli;

import dev.cairn.connect.ConnectionSettings;
import dev.cairn.database.EmbeddedPostgres;
import dev.cairn.drift.LiveDatabase;
import dev.cairn.migrate.FlywayFactory;
import dev.cairn.migrate.MigrationLocations;
import dev.cairn.migrate.Migrator;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jooq.tools.json.JSONObject;
import org.jooq.tools.json.JSONParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real PostgreSQL plays production: each test migrates a fresh database on it with a small
 * migration set, plants one kind of drift, and runs {@code cairn drift} against it.
 */
class DriftCommandTest {

    private static final String V1 = """
            CREATE TABLE events (
                id bigserial PRIMARY KEY,
                title varchar(200) NOT NULL,
                confidence numeric NOT NULL DEFAULT 0.5,
                status text NOT NULL DEFAULT 'draft',
                created_at timestamptz NOT NULL DEFAULT now()
            );
            """;
    private static final String V2 = "CREATE INDEX idx_events_recent ON events (created_at DESC) WHERE status = 'published';\n";
    private static final String V3 = "ALTER TABLE events ADD CONSTRAINT check_confidence_range CHECK (confidence >= 0 AND confidence <= 1);\n";
    private static final String V4 = "CREATE TABLE tags (id int PRIMARY KEY, name text NOT NULL UNIQUE);\n";

    private static EmbeddedPostgres live;
    private static final AtomicInteger databases = new AtomicInteger();

    @TempDir
    Path project;
    Path migrations;
    String url;
    String user;

    @BeforeAll
    static void startLiveServer() throws Exception {
        live = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopLiveServer() {
        if (live != null) live.close();
    }

    @BeforeEach
    void freshDatabaseAndMigrations() throws Exception {
        migrations = Files.createDirectories(project.resolve("schema/src/main/resources/db/migration"));
        Files.createDirectories(project.resolve("schema/src/main/resources/db/data"));
        Files.writeString(migrations.resolve("V1__create_events.sql"), V1);
        Files.writeString(migrations.resolve("V2__events_recent_index.sql"), V2);
        Files.writeString(migrations.resolve("V3__confidence_check.sql"), V3);
        Files.writeString(migrations.resolve("V4__tags.sql"), V4);
        // the layout migrateLive uses (MigrationLocations.ofProject), for the command too
        Files.writeString(project.resolve("cairn.properties"),
                "locations=filesystem:schema/src/main/resources/db/migration,filesystem:schema/src/main/resources/db/data\n");
        String name = "prod" + databases.incrementAndGet();
        try (Connection c = live.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        url = live.jdbcUrl().replace("/postgres", "/" + name);
        user = live.user();
    }

    private void migrateLive(String target) {
        FluentConfiguration config = FlywayFactory.configure(url, live.user(), live.password(), MigrationLocations.ofProject(project));
        if (target != null) config.target(target);
        Migrator.migrate(config.load());
    }

    private void onLive(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, live.user(), live.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private Run drift(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("drift", "--url", url, "--project-dir", project.toString()));
        if (user != null) args.addAll(List.of("--user", user, "--password", live.password()));
        args.addAll(List.of(extra));
        int exit = Cairn.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void cleanDatabaseReportsNone() throws Exception {
        migrateLive(null);
        Run r = drift();
        assertEquals(Cairn.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("Flyway history\n  current version: 4\n  applied: 4"), r.out());
        assertTrue(r.out().contains("Schema\n  expected: migrations up to version 4, the version the live database reports\n  no differences"), r.out());
        assertTrue(r.out().contains("DDL to bring the database in line (not executed)\n  (none)"), r.out());
        assertTrue(r.out().strip().endsWith("drift: none"), r.out());
    }

    @Test
    void droppedIndex() throws Exception {
        migrateLive(null);
        onLive("DROP INDEX idx_events_recent");
        Run r = drift();
        assertEquals(Cairn.FINDINGS, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("  index idx_events_recent missing\n"), r.out());
        // the catalog's definition keeps method and WHERE clause; CONCURRENTLY keeps writers going
        assertTrue(r.out().contains("  CREATE INDEX CONCURRENTLY idx_events_recent ON public.events USING btree (created_at DESC)"
                + " WHERE (status = 'published'::text);"), r.out());
        assertTrue(r.out().strip().endsWith("drift: 1 difference"), r.out());
    }

    @Test
    void extraColumn() throws Exception {
        migrateLive(null);
        onLive("ALTER TABLE events ADD COLUMN note text");
        Run r = drift();
        assertEquals(Cairn.FINDINGS, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("  table events: column note extra (text)\n"), r.out());
        assertTrue(r.out().contains("ALTER TABLE \"public\".\"events\" DROP COLUMN \"note\";"), r.out());
    }

    @Test
    void changedDefault() throws Exception {
        migrateLive(null);
        onLive("ALTER TABLE events ALTER COLUMN confidence SET DEFAULT 0.7");
        Run r = drift();
        assertEquals(Cairn.FINDINGS, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("  table events: column confidence default 0.7, expected 0.5\n"), r.out());
        assertTrue(r.out().contains("ALTER TABLE \"public\".\"events\" ALTER COLUMN \"confidence\" SET DEFAULT 0.5;"), r.out());
    }

    @Test
    void editedCheck() throws Exception {
        migrateLive(null);
        onLive("ALTER TABLE events DROP CONSTRAINT check_confidence_range;"
                + " ALTER TABLE events ADD CONSTRAINT check_confidence_range CHECK (confidence >= 0 AND confidence <= 100)");
        Run r = drift();
        assertEquals(Cairn.FINDINGS, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("  table events: check check_confidence_range differs:"
                + " expected (confidence >= 0::numeric AND confidence <= 1::numeric)"
                + " actual (confidence >= 0::numeric AND confidence <= 100::numeric)\n"), r.out());
        assertTrue(r.out().contains("DROP CONSTRAINT \"check_confidence_range\""), r.out());
        assertTrue(r.out().contains("ADD CONSTRAINT \"check_confidence_range\" CHECK"), r.out());
    }

    @Test
    void editedAppliedMigrationIsAChecksumMismatch() throws Exception {
        migrateLive(null);
        Files.writeString(migrations.resolve("V2__events_recent_index.sql"), V2 + "-- edited after release\n");
        Run r = drift();
        assertEquals(Cairn.FINDINGS, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("  checksum mismatch (file edited after it was applied): 1\n"
                + "    2 events recent index (V2__events_recent_index.sql)\n"), r.out());
        assertTrue(r.out().contains("  no differences"), r.out());
        assertTrue(r.out().strip().endsWith("drift: 1 difference"), r.out());
    }

    @Test
    void pendingMigration() throws Exception {
        migrateLive("3");
        Run r = drift();
        assertEquals(Cairn.FINDINGS, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("  pending (file not applied): 1\n    4 tags (V4__tags.sql)\n"), r.out());
        // the expected schema is built to the live version, so the pending table is not schema drift
        assertTrue(r.out().contains("  expected: migrations up to version 3, the version the live database reports\n  no differences"), r.out());
    }

    @Test
    void unknownAppliedVersion() throws Exception {
        migrateLive(null);
        Files.delete(migrations.resolve("V4__tags.sql"));
        Run r = drift();
        assertEquals(Cairn.FINDINGS, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("  unknown (applied, no file): 1\n    4 tags (V4__tags.sql)\n"), r.out());
        assertTrue(r.out().contains("  table tags extra\n"), r.out());
        assertTrue(r.out().contains("DROP TABLE \"public\".\"tags\""), r.out());
    }

    @Test
    void databaseWithoutFlywayIsComparedWithHeadAndLeftAlone() throws Exception {
        onLive(V1);
        Run r = drift();
        assertEquals(Cairn.FINDINGS, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("  not managed by Flyway"), r.out());
        assertTrue(r.out().contains("  expected: all migrations (head, version 4): the live database has no Flyway history"), r.out());
        assertTrue(r.out().contains("  table tags missing\n"), r.out());
        assertTrue(r.out().contains("  index idx_events_recent missing\n"), r.out());
        try (Connection c = DriverManager.getConnection(url, live.user(), live.password());
             var rs = c.createStatement().executeQuery("SELECT to_regclass('public.flyway_schema_history') IS NULL")) {
            rs.next();
            assertTrue(rs.getBoolean(1), "drift must not create Flyway's history table");
        }
    }

    @Test
    void jsonHasTheSameFindings() throws Exception {
        migrateLive(null);
        onLive("DROP INDEX idx_events_recent; ALTER TABLE events ADD COLUMN note text");
        Run r = drift("--json");
        assertEquals(Cairn.FINDINGS, r.exit(), r.out() + r.err());
        JSONObject json = (JSONObject) new JSONParser().parse(r.out());
        assertEquals(2L, ((Number) json.get("differences")).longValue(), r.out());
        JSONObject schema = (JSONObject) json.get("schema");
        assertEquals(List.of("table events: column note extra (text)", "index idx_events_recent missing"), schema.get("differences"));
        assertEquals(false, json.get("executed"));
        assertEquals(true, ((JSONObject) json.get("flyway")).get("managed"));
    }

    @Test
    void liveConnectionsCannotWrite() throws Exception {
        migrateLive(null);
        try (LiveDatabase db = LiveDatabase.open(new ConnectionSettings(url, live.user(), live.password()))) {
            SQLException ours = assertThrows(SQLException.class, () -> db.connection().createStatement().execute("CREATE TABLE x (a int)"));
            assertTrue(ours.getMessage().contains("read-only transaction"), ours.getMessage());
            db.connection().rollback();
            try (Connection flywayStyle = db.dataSource().getConnection()) {
                assertTrue(flywayStyle.getAutoCommit());
                SQLException theirs = assertThrows(SQLException.class,
                        () -> flywayStyle.createStatement().execute("DELETE FROM flyway_schema_history"));
                assertTrue(theirs.getMessage().contains("read-only transaction"), theirs.getMessage());
            }
        }
    }

    @Test
    void unreachableServerFailsWithoutShowingThePassword() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String secret = "s3cret-Pa55word";
        url = "postgresql://app:" + secret + "@127.0.0.1:" + port + "/prod";
        user = null;
        Run r = drift();
        assertEquals(Cairn.FAILURE, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("Cannot connect to jdbc:postgresql://127.0.0.1:" + port + "/prod as app"), r.err());
        assertFalse((r.out() + r.err()).contains(secret), r.out() + r.err());

        url = "jdbc:postgresql://127.0.0.1:" + port + "/prod?password=" + secret;
        Run r2 = drift("--password", secret);
        assertEquals(Cairn.FAILURE, r2.exit());
        assertFalse((r2.out() + r2.err()).contains(secret), r2.out() + r2.err());
        // the password parameter is taken out of the URL (and used as the password), so it is never shown
        assertTrue(r2.err().contains("Cannot connect to jdbc:postgresql://127.0.0.1:" + port + "/prod"), r2.err());
    }

    @Test
    void refusedLoginFailsWithoutShowingThePassword() {
        // An unknown role is refused during authentication (the server does not say the role is unknown).
        String secret = "wrong-Secret-123";
        url = url.replace("jdbc:postgresql://", "postgresql://nosuchuser:" + secret + "@");
        user = null;
        Run r = drift();
        assertEquals(Cairn.FAILURE, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("error: Cannot connect to jdbc:postgresql://127.0.0.1:"), r.err());
        assertTrue(r.err().contains("as nosuchuser: FATAL: password authentication failed for user \"nosuchuser\""), r.err());
        assertFalse((r.out() + r.err()).contains(secret), r.out() + r.err());
    }

    // ---- an empty or missing set of migrations is refused (issue item 3) -------------------------

    @Test
    void missingOrEmptyMigrationsAreRefusedNotReportedAsDropEverything() throws Exception {
        migrateLive(null);
        Path typo = project.resolve("schema/src/main/resources/db/migrations");
        Run mistyped = drift("--locations", typo.toString());
        assertEquals(Cairn.FAILURE, mistyped.exit(), mistyped.out() + mistyped.err());
        assertEquals("error: Migration directory " + typo + " does not exist. Check --locations.", mistyped.err().strip());
        assertEquals("", mistyped.out());

        Path empty = Files.createDirectories(project.resolve("empty"));
        Run none = drift("--locations", empty.toString());
        assertEquals(Cairn.FAILURE, none.exit(), none.out() + none.err());
        assertEquals(1, none.err().strip().lines().count(), none.err());
        assertTrue(none.err().startsWith("error: No migrations in " + empty + ": no .sql file there."), none.err());
        assertTrue(none.err().contains("--allow-empty-migrations"), none.err());

        // From another directory: the default locations do not exist there.
        Path root = project;
        project = Files.createDirectories(root.resolve("elsewhere"));
        Run elsewhere = drift();
        project = root;
        assertEquals(Cairn.FAILURE, elsewhere.exit(), elsewhere.out() + elsewhere.err());
        assertTrue(elsewhere.err().contains("does not exist. Run from the project root"), elsewhere.err());

        // Told explicitly, an empty set is compared (and every table is drift).
        Run allowed = drift("--locations", empty.toString(), "--allow-empty-migrations");
        assertEquals(Cairn.FINDINGS, allowed.exit(), allowed.out() + allowed.err());
        assertTrue(allowed.out().contains("table events extra"), allowed.out());
    }

    // ---- the printed repair converges (issue item 16) ---------------------------------------------

    private static final String V5 = """
            CREATE TYPE mood AS ENUM ('calm', 'angry');
            CREATE TABLE notes (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                event_id bigint REFERENCES events (id),
                label varchar(50),
                mood mood NOT NULL DEFAULT 'calm',
                created timestamp NOT NULL DEFAULT now()
            );
            CREATE INDEX idx_notes_label ON notes USING hash (label);
            """;

    /** One kind of drift: its name and the SQL that plants it on the live database. */
    private record Kind(String name, String plant) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("missing table with serial, now() default, check and index", "DROP TABLE events CASCADE"),
            new Kind("missing table with identity, enum and foreign key", "DROP TABLE notes"),
            new Kind("extra table", "CREATE TABLE junk (a int)"),
            new Kind("missing column with its check", "ALTER TABLE events DROP COLUMN confidence"),
            new Kind("extra column", "ALTER TABLE events ADD COLUMN note text"),
            new Kind("varchar to text", "ALTER TABLE notes ALTER COLUMN label TYPE text"),
            new Kind("enum to text (back needs USING)", "ALTER TABLE notes ALTER COLUMN mood DROP DEFAULT;"
                    + " ALTER TABLE notes ALTER COLUMN mood TYPE text; ALTER TABLE notes ALTER COLUMN mood SET DEFAULT 'calm'"),
            new Kind("dropped now() default on timestamp", "ALTER TABLE notes ALTER COLUMN created DROP DEFAULT"),
            new Kind("dropped now() default on timestamptz", "ALTER TABLE events ALTER COLUMN created_at DROP DEFAULT"),
            new Kind("changed default", "ALTER TABLE events ALTER COLUMN confidence SET DEFAULT 0.7"),
            new Kind("dropped NOT NULL", "ALTER TABLE events ALTER COLUMN title DROP NOT NULL"),
            new Kind("dropped identity", "ALTER TABLE notes ALTER COLUMN id DROP IDENTITY"),
            new Kind("identity by default", "ALTER TABLE notes ALTER COLUMN id SET GENERATED BY DEFAULT"),
            new Kind("edited check", "ALTER TABLE events DROP CONSTRAINT check_confidence_range;"
                    + " ALTER TABLE events ADD CONSTRAINT check_confidence_range CHECK (confidence >= 0 AND confidence <= 100)"),
            new Kind("check NOT VALID", "ALTER TABLE events DROP CONSTRAINT check_confidence_range;"
                    + " ALTER TABLE events ADD CONSTRAINT check_confidence_range CHECK (confidence >= 0 AND confidence <= 1) NOT VALID"),
            new Kind("dropped unique constraint", "ALTER TABLE tags DROP CONSTRAINT tags_name_key"),
            new Kind("dropped foreign key", "ALTER TABLE notes DROP CONSTRAINT notes_event_id_fkey"),
            new Kind("dropped partial index", "DROP INDEX idx_events_recent"),
            new Kind("dropped hash index", "DROP INDEX idx_notes_label"),
            new Kind("changed index", "DROP INDEX idx_events_recent; CREATE INDEX idx_events_recent ON events (created_at)"),
            new Kind("extra index", "CREATE INDEX idx_tags_extra ON tags (name)"),
            new Kind("sequence options", "ALTER SEQUENCE events_id_seq INCREMENT BY 5 CACHE 10"),
            new Kind("extra enum", "CREATE TYPE unused_kind AS ENUM ('x')"));

    @Test
    void everyKindOfDriftIsRepairedByThePrintedDdl() throws Exception {
        Files.writeString(migrations.resolve("V5__create_notes.sql"), V5);
        List<String> failures = new java.util.ArrayList<>();
        for (Kind kind : KINDS) {
            freshDatabaseAndMigrations();
            migrateLive(null);
            onLive("INSERT INTO events (title) VALUES ('kept')");
            onLive(kind.plant());
            Run before = drift();
            if (before.exit() != Cairn.FINDINGS) {
                failures.add(kind.name() + ": drift did not see it (exit " + before.exit() + ")\n" + before.out() + before.err());
                continue;
            }
            List<String> ddl = repairStatements(before.out());
            for (String sql : ddl) {
                if (sql.startsWith("CREATE INDEX") || sql.startsWith("DROP INDEX")) {
                    assertTrue(sql.contains(" CONCURRENTLY "), kind.name() + ": " + sql);
                }
            }
            try {
                for (String sql : ddl) onLive(sql); // one statement at a time, autocommit, as psql -f runs it
            } catch (SQLException e) {
                failures.add(kind.name() + ": the printed DDL fails: " + e.getMessage() + "\n" + String.join(";\n", ddl));
                continue;
            }
            Run after = drift();
            if (after.exit() != Cairn.OK) {
                failures.add(kind.name() + ": still drift after the repair:\n" + String.join(";\n", ddl) + "\n" + after.out());
            }
        }
        assertEquals(List.of(), failures, String.join("\n\n", failures));
        assertTrue(KINDS.size() >= 9);
    }

    /** The DDL section of the text report, one statement per entry (a CREATE TABLE spans lines). */
    private static List<String> repairStatements(String report) {
        String section = report.substring(report.indexOf("DDL to bring the database in line (not executed)\n"));
        section = section.substring(section.indexOf('\n') + 1, section.indexOf("\n\n"));
        List<String> statements = new java.util.ArrayList<>();
        for (String s : section.split(";\n")) {
            String sql = s.strip().replaceAll(";$", "");
            if (!sql.isEmpty() && !sql.startsWith("--")) statements.add(sql);
        }
        return statements;
    }
}
