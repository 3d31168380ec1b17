package dev.cairn.cli;

import dev.cairn.database.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The database commands against a real PostgreSQL, one fresh database per test. */
class DatabaseCommandsTest {

    private static final String APP_PASSWORD = "S3cret-Pa55word";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.start();
        // One more role with a password of its own (first match wins).
        Path hba = pg.workDir().resolve("data/pg_hba.conf");
        Files.writeString(hba, "host all app 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE app LOGIN PASSWORD '" + APP_PASSWORD + "'");
            s.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) pg.close();
    }

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cairn.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A new empty database owned by role app; returns its JDBC URL. */
    static String newDatabase() throws SQLException {
        String name = "t" + DATABASES.incrementAndGet();
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER app");
        }
        return pg.jdbcUrl().replace("/postgres", "/" + name);
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", pg.password());
    }

    static List<String> query(String url, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) row.append(i > 1 ? "|" : "").append(rs.getString(i));
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static boolean exists(String url, String regclass) throws SQLException {
        return !"null".equals(query(url, "SELECT to_regclass('" + regclass + "')::text").get(0));
    }

    static List<String> history(String url) throws SQLException {
        if (!exists(url, "flyway_schema_history")) return List.of();
        return query(url, "SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank");
    }

    Path migrations(String... nameAndSql) throws IOException {
        Path d = Files.createDirectories(dir.resolve("migration"));
        for (int i = 0; i < nameAndSql.length; i += 2) {
            Files.writeString(d.resolve(nameAndSql[i]), nameAndSql[i + 1], StandardCharsets.UTF_8);
        }
        return d;
    }

    Path threeMigrations() throws IOException {
        Path d = migrations(
                "V1__create_items.sql", "CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL);\n",
                "V2__add_items_price.sql", "ALTER TABLE items ADD COLUMN price numeric(10,2);\n");
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("V3__seed_items.sql"), "INSERT INTO items (id, name, price) VALUES (1, 'pen', 1.50);\n");
        return d;
    }

    String dirs() {
        return dir.resolve("migration") + "," + dir.resolve("data");
    }

    // ---- happy paths --------------------------------------------------------------------------

    @Test
    void migrateThenInfoAndValidate() throws Exception {
        threeMigrations();
        String url = newDatabase();

        Result m = run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(0, m.code(), m.all());
        assertTrue(m.out().contains("V1  create items"), m.out());
        assertTrue(m.out().contains("Applied 3 migrations"), m.out());
        assertEquals(List.of("1|SQL|t", "2|SQL|t", "3|SQL|t"), history(url));
        assertEquals(List.of("pen|1.50"), query(url, "SELECT name, price FROM items"));

        Result info = run("info", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(0, info.code(), info.all());
        assertTrue(info.out().contains("Schema version  3"), info.out());
        assertTrue(info.out().lines().anyMatch(l -> l.matches("2\\s+add items price\\s+SQL\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+\\d+ ms\\s+Success")),
                info.out());

        Result json = run("info", "--json", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(0, json.code(), json.all());
        String j = json.out().strip();
        assertTrue(j.startsWith("{") && j.endsWith("}"), j);
        assertTrue(j.contains("\"schemaVersion\":\"3\"") && j.contains("\"applied\":3") && j.contains("\"pending\":0")
                && j.contains("\"script\":\"V3__seed_items.sql\"") && j.contains("\"executionTimeMs\":"), j);

        Result v = run("validate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(0, v.code(), v.all());
        assertTrue(v.out().contains("Valid: 3 migrations"), v.out());
        Result vj = run("validate", "--json", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertTrue(vj.out().strip().startsWith("{") && vj.out().contains("\"valid\":true")
                && vj.out().contains("\"errors\":[]"), vj.out());

        Result again = run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(0, again.code(), again.all());
        assertTrue(again.out().contains("Nothing to apply: schema is at version 3"), again.out());
    }

    @Test
    void migrateToTargetStopsThere() throws Exception {
        threeMigrations();
        String url = newDatabase();
        Result m = run("migrate", "--target", "2", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(0, m.code(), m.all());
        assertEquals(List.of("1|SQL|t", "2|SQL|t"), history(url));
        Result info = run("info", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertTrue(info.out().contains("2 applied, 1 pending"), info.out());
        assertTrue(info.out().lines().anyMatch(l -> l.startsWith("3 ") && l.endsWith("Pending")), info.out());
    }

    @Test
    void baselineAdoptsAnExistingDatabase() throws Exception {
        threeMigrations();
        String url = newDatabase();
        // "Production": created before the migrations existed, already matching V2.
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, price numeric(10,2))");
        }
        Result refused = run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(1, refused.code(), refused.all());
        assertEquals(List.of(), history(url));

        Result b = run("baseline", "--version", "2", "--description", "production baseline",
                "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(0, b.code(), b.all());
        assertTrue(b.out().contains("at version 2") && b.out().contains("will apply 1 later migration: V3"), b.out());
        assertEquals(List.of("2|BASELINE|t"), history(url));
        assertEquals(List.of("production baseline"), query(url, "SELECT description FROM flyway_schema_history"));

        Result m = run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(0, m.code(), m.all());
        assertFalse(m.out().contains("V1 "), m.out());
        assertEquals(List.of("2|BASELINE|t", "3|SQL|t"), history(url));
        assertEquals(List.of("1"), query(url, "SELECT count(*) FROM items"));
    }

    @Test
    void validateFindsAChangedFileAndRepairRealignsIt() throws Exception {
        Path d = threeMigrations();
        String url = newDatabase();
        assertEquals(0, run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs()).code());
        Files.writeString(d.resolve("V2__add_items_price.sql"), "-- edited after release\nALTER TABLE items ADD COLUMN price numeric(10,2);\n");

        Result v = run("validate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(Cairn.FINDINGS, v.code(), v.all());
        assertTrue(v.out().contains("Invalid") && v.out().toLowerCase().contains("checksum"), v.out());
        Result vj = run("validate", "--json", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(Cairn.FINDINGS, vj.code());
        assertTrue(vj.out().strip().startsWith("{") && vj.out().contains("\"valid\":false")
                && vj.out().contains("\"version\":\"2\""), vj.out());

        Result r = run("repair", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("realigned checksum"), r.out());
        assertEquals(0, run("validate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs()).code());
        assertTrue(run("repair", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs()).out().contains("Nothing to repair"));
    }

    // ---- bad input: clear message, exit 1, nothing changed ------------------------------------

    @Test
    void unknownTargetChangesNothing() throws Exception {
        threeMigrations();
        String url = newDatabase();
        Result m = run("migrate", "--target", "9", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(1, m.code(), m.all());
        assertTrue(m.err().contains("Version 9 (--target) is not among the migrations: they are 1, 2, 3"), m.err());
        assertEquals(List.of(), history(url));
        assertFalse(exists(url, "items"));
    }

    @Test
    void unknownBaselineVersionChangesNothing() throws Exception {
        threeMigrations();
        String url = newDatabase();
        Result b = run("baseline", "--version", "7", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(1, b.code(), b.all());
        assertTrue(b.err().contains("Version 7 (--version) is not among the migrations"), b.err());
        assertFalse(exists(url, "flyway_schema_history"));
    }

    @Test
    void failedMigrationIsDescribedAndRolledBack() throws Exception {
        migrations("V1__create_items.sql", "CREATE TABLE items (id bigint PRIMARY KEY);\n",
                "V2__broken.sql", "CREATE TABLE audit (id bigint);\n\nINSERT INTO no_such_table VALUES (1);\n",
                "V3__later.sql", "CREATE TABLE later (id bigint);\n");
        String url = newDatabase();
        Result m = run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dir.resolve("migration").toString());
        assertEquals(1, m.code(), m.all());
        assertTrue(m.err().contains("Migration V2__broken.sql failed at line 3"), m.err());
        assertTrue(m.err().contains("Statement: INSERT INTO no_such_table VALUES (1)"), m.err());
        assertTrue(m.err().contains("rolled back"), m.err());
        assertTrue(m.err().contains("before the failure (committed, kept): V1"), m.err());
        assertEquals(List.of("1|SQL|t"), history(url));
        assertTrue(exists(url, "items"));
        assertFalse(exists(url, "audit"));
        assertFalse(exists(url, "later"));
    }

    @Test
    void failedConcurrentlyMigrationSaysWhatStaysAndRepairClearsIt() throws Exception {
        Path d = migrations("V1__create_items.sql", "CREATE TABLE items (id bigint PRIMARY KEY, name text);\n",
                "V2__index_items.sql", "CREATE INDEX CONCURRENTLY items_name_idx ON items (name);\n"
                        + "CREATE INDEX CONCURRENTLY missing_idx ON no_such_table (id);\n");
        String url = newDatabase();
        String migrations = d.toString();
        Result m = run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", migrations);
        assertEquals(1, m.code(), m.all());
        assertTrue(m.err().contains("Migration V2__index_items.sql failed at line 2"), m.err());
        assertTrue(m.err().contains("outside a transaction (CONCURRENTLY cannot run in one): statements before line 2 stay applied"), m.err());
        assertTrue(exists(url, "items_name_idx"), "the first CONCURRENTLY index stays");

        // Fix the file so it can run again over what stayed, clear any failed entry, migrate.
        Files.writeString(d.resolve("V2__index_items.sql"),
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS items_name_idx ON items (name);\n");
        Result r = run("repair", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", migrations);
        assertEquals(0, r.code(), r.all());
        assertEquals(List.of(), query(url, "SELECT version FROM flyway_schema_history WHERE NOT success"));
        Result again = run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", migrations);
        assertEquals(0, again.code(), again.all());
        assertEquals(List.of("1|SQL|t", "2|SQL|t"), history(url));
    }

    @Test
    void lockedTableFailsFastWithLockMessage() throws Exception {
        Path d = migrations("V1__create_items.sql", "CREATE TABLE items (id bigint PRIMARY KEY);\n");
        String url = newDatabase();
        assertEquals(0, run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString()).code());
        Files.writeString(d.resolve("V2__add_items_note.sql"), "ALTER TABLE items ADD COLUMN note text;\n");

        try (Connection busy = connect(url); Statement s = busy.createStatement()) {
            busy.setAutoCommit(false);
            s.execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE");
            long t0 = System.nanoTime();
            Result m = run("migrate", "--lock-timeout", "1s", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString());
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(1, m.code(), m.all());
            assertTrue(seconds < 30, "waited " + seconds + " s: lock_timeout was not applied");
            assertTrue(m.err().contains("locked by another session"), m.err());
            assertTrue(m.err().contains("Retry off-peak, or raise the limit (--lock-timeout)"), m.err());
            assertTrue(m.err().contains("Statement: ALTER TABLE items ADD COLUMN note text"), m.err());
            busy.rollback();
        }
        assertEquals(List.of("1|SQL|t"), history(url));
        assertEquals(List.of(), query(url, "SELECT 1 FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'note'"));
    }

    @Test
    void unreachableServerNamesHostAndPort() throws Exception {
        threeMigrations();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result m = run("migrate", "--url", "jdbc:postgresql://127.0.0.1:" + port + "/tracker", "--user", "postgres", "--password", pg.password(),
                "--migrations", dirs());
        assertEquals(1, m.code(), m.all());
        assertTrue(m.err().contains("Cannot reach PostgreSQL at 127.0.0.1:" + port), m.err());
    }

    @Test
    void wrongPasswordIsNotEchoed() throws Exception {
        threeMigrations();
        String url = newDatabase();
        String wrong = "Wr0ng-Guess-42";
        Result m = run("migrate", "--url", url, "--user", "app", "--password=" + wrong, "--migrations", dirs());
        assertEquals(1, m.code(), m.all());
        assertTrue(m.err().contains("Password authentication failed for user \"app\""), m.err());
        assertFalse(m.all().contains(wrong), m.all());
        assertFalse(exists(url, "flyway_schema_history"));
    }

    @Test
    void missingDatabaseIsNamedWithHowToCreateIt() throws Exception {
        threeMigrations();
        String url = pg.jdbcUrl().replace("/postgres", "/no_such_db");
        Result m = run("info", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dirs());
        assertEquals(1, m.code(), m.all());
        assertTrue(m.err().contains("Database \"no_such_db\" does not exist"), m.err());
        assertTrue(m.err().contains("createdb") && m.err().contains("CREATE DATABASE"), m.err());
    }

    @Test
    void passwordInUrlNeverAppearsInOutput() throws Exception {
        threeMigrations();
        String url = newDatabase();
        String hostPortDb = url.substring("jdbc:postgresql://".length());
        String uri = "postgresql://app:" + APP_PASSWORD + "@" + hostPortDb;

        Result m = run("migrate", "--url", uri, "--migrations", dirs());
        assertEquals(0, m.code(), m.all());
        assertEquals(3, history(url).size());
        Result info = run("info", "--url", uri, "--migrations", dirs());
        Result json = run("info", "--json", "--url", uri, "--migrations", dirs());
        Result missing = run("info", "--url", uri.replace(hostPortDb.substring(hostPortDb.indexOf('/')), "/nope"),
                "--migrations", dirs());
        assertEquals(1, missing.code());
        for (Result r : List.of(m, info, json, missing)) assertFalse(r.all().contains(APP_PASSWORD), r.all());
        assertTrue(info.out().contains("as app"), info.out());
    }

    @Test
    void usageErrorsExit64() throws Exception {
        threeMigrations();
        String url = newDatabase();
        assertEquals(Cairn.USAGE, run("migrate", "--no-such-option").code());
        Result lock = run("migrate", "--lock-timeout", "soon", "--url", url, "--migrations", dirs());
        assertEquals(Cairn.USAGE, lock.code());
        assertTrue(lock.err().contains("Invalid lock timeout 'soon'"), lock.err());
        assertEquals(Cairn.USAGE, run("baseline", "--url", url, "--migrations", dirs()).code());
        assertEquals(Cairn.USAGE, run("info", "--url", url, "--migrations", dirs(), "--classpath").code());
        assertFalse(exists(url, "flyway_schema_history"));
    }

    @Test
    void missingMigrationDirectoryIsAFailureNamingIt() throws Exception {
        String url = newDatabase();
        Result m = run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", dir.resolve("nope").toString());
        assertEquals(1, m.code(), m.all());
        assertTrue(m.err().contains("Migration directory " + dir.resolve("nope") + " does not exist"), m.err());
    }

    // ---- URLs (issue "Faults end in one clear line"): items 2 and 7 ------------------------------

    @Test
    void malformedUrlIsAUsageErrorNamingThePart() throws Exception {
        threeMigrations();
        for (String command : List.of("migrate", "info", "validate", "repair", "drift")) {
            Result r = run(command, "--url", "postgresql://u:pw@10.1.2.3:5x5439/prod", "--migrations", dirs());
            assertEquals(Cairn.USAGE, r.code(), command + ": " + r.all());
            assertTrue(r.err().contains("the port \"5x5439\" of host 10.1.2.3 is not a number from 1 to 65535"), r.err());
            assertFalse(r.all().contains(":pw@"), r.all());
            assertFalse(r.all().contains("localhost"), "no default stood in: " + r.all());
        }
    }

    @Test
    void aUrlWithoutADatabaseIsAUsageErrorAndTouchesNoDatabase() throws Exception {
        threeMigrations();
        String server = pg.jdbcUrl().substring("jdbc:postgresql://".length(), pg.jdbcUrl().indexOf("/postgres"));
        String maintenance = pg.jdbcUrl();
        for (String command : List.of("migrate", "info", "validate", "repair", "drift", "undo")) {
            for (String url : List.of("postgresql://postgres@" + server + "/", "jdbc:postgresql://" + server)) {
                List<String> args = new ArrayList<>(List.of(command, "--url", url, "--password", pg.password()));
                args.addAll(command.equals("undo") ? List.of("--steps", "1", "--undo-dir", dir.toString()) : List.of("--migrations", dirs()));
                Result r = run(args.toArray(String[]::new));
                assertEquals(Cairn.USAGE, r.code(), command + " " + url + ": " + r.all());
                assertTrue(r.err().contains("the database name is missing"), r.err());
            }
        }
        assertFalse(exists(maintenance, "items"), "nothing created in the maintenance database");
        assertFalse(exists(maintenance, "flyway_schema_history"));
        // Without a user the driver logs in as the system user: the first line says so.
        String systemUser = System.getProperty("user.name");
        String name = "t" + DATABASES.incrementAndGet();
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE \"" + systemUser + "\" LOGIN PASSWORD '" + APP_PASSWORD + "'");
            s.execute("CREATE DATABASE " + name + " OWNER \"" + systemUser + "\"");
        }
        String url = pg.jdbcUrl().replace("/postgres", "/" + name);
        Result m = run("migrate", "--url", url, "--password", APP_PASSWORD, "--migrations", dirs());
        assertEquals(0, m.code(), m.all());
        assertEquals("Migrating " + url + " as " + systemUser + " (no user given: the system user)",
                m.out().lines().findFirst().orElseThrow().replaceAll(" \\(lock_timeout.*", ""));
    }

    // ---- messages that name the cause and the file (issue 27, item 5) ----------------------------

    @Test
    void aMigrationThatIsNotUtf8IsNamedByMigrateAndInfo() throws Exception {
        Path d = migrations("V1__create_items.sql", "CREATE TABLE items (id bigint PRIMARY KEY);\n");
        Files.write(d.resolve("V2__latin1.sql"), "-- caf\u00e9 prices\nALTER TABLE items ADD COLUMN price numeric;\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        String url = newDatabase();
        for (String command : List.of("migrate", "info", "validate")) {
            Result r = run(command, "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString());
            assertEquals(1, r.code(), command + ": " + r.all());
            assertTrue(r.err().contains("error: " + d.resolve("V2__latin1.sql") + " is not valid UTF-8: byte offset 6 (line 1) holds"
                    + " 0xE9. Flyway reads migrations as UTF-8: re-save the file as UTF-8"), command + ": " + r.err());
            assertFalse(r.err().contains("Unable to calculate checksum"), r.err());
        }
        assertFalse(exists(url, "items"), "nothing migrated");
    }

    @Test
    void aFileMixingConcurrentlyWithOtherStatementsIsNamed() throws Exception {
        Path d = migrations("V1__create_items.sql", "CREATE TABLE items (id bigint PRIMARY KEY, name text);\n",
                "V2__orders_and_index.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n"
                        + "CREATE INDEX CONCURRENTLY items_name ON items (name);\n");
        String url = newDatabase();
        Result m = run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString());
        assertEquals(1, m.code(), m.all());
        assertTrue(m.err().startsWith("error: Migration V2__orders_and_index.sql line 2 (" + d.resolve("V2__orders_and_index.sql")
                + "): `CREATE INDEX CONCURRENTLY items_name ON items (name)` cannot run in a transaction, and the file's other"
                + " statements run in one; Flyway refuses to mix them. Put that statement in a migration of its own (a new version)."
                + " Nothing of this file ran.\n"), m.err());
        assertFalse(m.err().contains("named above"), m.err());
        assertEquals(List.of("1|SQL|t"), history(url));
        assertFalse(exists(url, "orders"));
    }

    @Test
    void anEmptyPasswordAndAnUnknownHostAreNamedNotCalledUnreachable() throws Exception {
        threeMigrations();
        String url = newDatabase();
        Result empty = run("info", "--url", url, "--user", "app", "--password=", "--migrations", dirs());
        assertEquals(1, empty.code(), empty.all());
        String server = url.substring("jdbc:postgresql://".length(), url.lastIndexOf('/'));
        assertEquals("error: PostgreSQL at " + server + " asks user \"app\" for a password, and the one given is empty. Give it"
                + " with --password (without a value to be prompted), PGPASSWORD or in the URL (user:password@ before the host)."
                + " Nothing was changed.", empty.err().strip());

        Result unknown = run("migrate", "--url", "postgresql://app@no-such-host.invalid:5432/tracker", "--password", APP_PASSWORD,
                "--migrations", dirs());
        assertEquals(1, unknown.code(), unknown.all());
        assertEquals("error: Cannot find the host \"no-such-host.invalid\" of the database URL (no address for it in DNS or"
                + " /etc/hosts). Fix the host name in --url / DATABASE_URL. Nothing was changed.", unknown.err().strip());
    }

    @Test
    void passwordInJdbcUrlNeverAppearsInAnyCommandsMessage() throws Exception {
        threeMigrations();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "jdbc:postgresql://app:" + APP_PASSWORD + "@127.0.0.1:" + port + "/tracker";
        String[][] commands = {{"migrate"}, {"info"}, {"info", "--json"}, {"validate"}, {"repair"}, {"baseline", "--version", "1"}};
        for (String[] c : commands) {
            List<String> args = new ArrayList<>(List.of(c));
            args.addAll(List.of("--url", url, "--migrations", dirs()));
            Result r = run(args.toArray(String[]::new));
            assertEquals(Cairn.FAILURE, r.code(), String.join(" ", c) + ": " + r.all());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertTrue(r.err().contains("Cannot reach PostgreSQL at 127.0.0.1:" + port + " "), r.err());
            assertFalse(r.all().contains(APP_PASSWORD), r.all());
        }
    }

    @Test
    void userAndPasswordUrlParametersAreHonoured() throws Exception {
        threeMigrations();
        String url = newDatabase();
        String withParams = url + "?user=app&password=" + APP_PASSWORD;
        Result m = run("migrate", "--url", withParams, "--migrations", dirs());
        assertEquals(0, m.code(), m.all());
        assertEquals(List.of("app"), query(url, "SELECT DISTINCT installed_by FROM flyway_schema_history"));
        Result info = run("info", "--json", "--url", withParams, "--migrations", dirs());
        assertEquals(0, info.code(), info.all());
        assertTrue(info.out().contains(" as app"), info.out());
        assertFalse(info.all().contains(APP_PASSWORD), info.all());
    }

    // ---- invalid indexes, out-of-order migrations, the lock check: items 5, 12, 13 -------------------

    @Test
    void failedConcurrentIndexIsReportedInvalidByMigrateInfoAndDrift() throws Exception {
        Path d = migrations("V1__create_items.sql", "CREATE TABLE items (id bigint PRIMARY KEY, name text);\n"
                        + "INSERT INTO items VALUES (1, 'pen'), (2, 'pen');\n",
                "V2__unique_item_names.sql", "CREATE UNIQUE INDEX CONCURRENTLY items_name_key ON items (name);\n");
        String url = newDatabase();
        Result m = run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString());
        assertEquals(1, m.code(), m.all());
        String advice = "index public.items_name_key is INVALID: a CREATE INDEX CONCURRENTLY failed or timed out and left it"
                + " behind (PostgreSQL keeps updating it but never uses it). Drop it with"
                + " `DROP INDEX CONCURRENTLY public.items_name_key;`, fix the cause, then run migrate again.";
        assertTrue(m.err().contains("Index" + advice.substring("index".length())), m.err());
        assertEquals(List.of("f"), query(url, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'items_name_key'::regclass"));

        Result info = run("info", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString());
        assertEquals(0, info.code(), info.all());
        assertTrue(info.out().contains("Invalid index   " + advice), info.out());
        Result json = run("info", "--json", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString());
        assertTrue(json.out().contains("\"invalidIndexes\":[\"" + advice + "\"]"), json.out());

        // drift: the index exists in both, but live it is INVALID; the repair rebuilds it concurrently.
        query(url, "DELETE FROM flyway_schema_history WHERE NOT success RETURNING 1");
        query(url, "DELETE FROM items WHERE id = 2 RETURNING 1");
        Files.writeString(d.resolve("V1__create_items.sql"), "CREATE TABLE items (id bigint PRIMARY KEY, name text);\n");
        query(url, "DELETE FROM flyway_schema_history RETURNING 1");
        query(url, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (1, '1', 'create items', 'SQL', 'V1__create_items.sql', 0,"
                + " 'postgres', 0, true), (2, '2', 'unique item names', 'SQL', 'V2__unique_item_names.sql', 0, 'postgres', 0, true)"
                + " RETURNING 1");
        Result drift = run("drift", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString());
        assertEquals(Cairn.FINDINGS, drift.code(), drift.all());
        assertTrue(drift.out().contains("  " + advice + "\n"), drift.out());
        assertTrue(drift.out().contains("DROP INDEX CONCURRENTLY \"public\".\"items_name_key\";"), drift.out());
        assertTrue(drift.out().contains("CREATE UNIQUE INDEX CONCURRENTLY items_name_key ON public.items"), drift.out());
    }

    @Test
    void outOfOrderMigrationIsPendingInInfoAndMigrateNamesAnOptionThatExists() throws Exception {
        Path d = migrations("V1__create_items.sql", "CREATE TABLE items (id bigint PRIMARY KEY);\n",
                "V3__add_items_name.sql", "ALTER TABLE items ADD COLUMN name text;\n");
        String url = newDatabase();
        assertEquals(0, run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString()).code());
        Files.writeString(d.resolve("V2__add_items_price.sql"), "ALTER TABLE items ADD COLUMN price numeric;\n");

        Result info = run("info", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString());
        assertEquals(0, info.code(), info.all());
        assertTrue(info.out().contains("2 applied, 1 pending (1 below the current version: `migrate --out-of-order` applies them)"),
                info.out());
        Result json = run("info", "--json", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString());
        assertTrue(json.out().contains("\"pending\":1,\"ignored\":1"), json.out());

        Result refused = run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString());
        assertEquals(1, refused.code(), refused.all());
        assertTrue(refused.err().contains("Migration 2 is below the database's current version and was never applied"), refused.err());
        assertTrue(refused.err().contains("`migrate --out-of-order`"), refused.err());
        assertFalse(refused.err().contains("-outOfOrder"), "no option that does not exist: " + refused.err());

        Result applied = run("migrate", "--out-of-order", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString());
        assertEquals(0, applied.code(), applied.all());
        assertEquals(List.of("1|SQL|t", "3|SQL|t", "2|SQL|t"), history(url));
        Result after = run("info", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString());
        assertTrue(after.out().contains("3 applied, 0 pending"), after.out());
    }

    @Test
    void migrateRunsTheLockCheckFirst() throws Exception {
        Path d = migrations("V1__create_items.sql", "CREATE TABLE items (id bigint PRIMARY KEY);\n");
        String url = newDatabase();
        Result lock = run("lock", "--locations", d.toString(), "--project-dir", dir.toString());
        assertEquals(0, lock.code(), lock.all());
        Path lockFile = dir.resolve("migrations.lock");
        assertTrue(Files.exists(lockFile), lock.all());
        Files.writeString(d.resolve("V1__create_items.sql"), "CREATE TABLE items (id bigint PRIMARY KEY, edited text);\n");

        Result m = run("migrate", "--url", url, "--user", "postgres", "--password", pg.password(), "--migrations", d.toString(), "--project-dir", dir.toString());
        assertEquals(1, m.code(), m.all());
        assertTrue(m.err().contains("V1__create_items.sql was edited after it was locked in migrations.lock"), m.err());
        assertFalse(exists(url, "flyway_schema_history"), "nothing migrated");
        assertFalse(exists(url, "items"));
    }

    @Test
    void migrateWithLintRefusesLintErrorsInNewMigrationsOnly() throws Exception {
        Path d = migrations("V1__create_items.sql", "CREATE TABLE items (id bigint PRIMARY KEY);\nCREATE TABLE old (id int);\n"
                + "DROP TABLE old;\n");
        String url = newDatabase();
        String[] migrate = {"migrate", "--lint", "--url", url, "--user", "postgres", "--password", pg.password(),
                "--migrations", d.toString(), "--project-dir", dir.toString()};
        Result refused = run(migrate);
        assertEquals(2, refused.code(), refused.all());
        assertTrue(refused.out().contains("V1__create_items.sql:3 error drop-table"), refused.out());
        assertEquals("error: lint errors in new migrations (listed above); nothing was migrated. Fix them, or acknowledge one"
                + " with -- lint:ignore <rule-id> reason: <why>.", refused.err().strip());
        assertFalse(exists(url, "flyway_schema_history"), "nothing migrated");

        // Once locked (released), its findings no longer refuse anything; without --lint nothing is linted.
        assertEquals(0, run("lock", "--locations", d.toString(), "--project-dir", dir.toString()).code());
        Result released = run(migrate);
        assertEquals(0, released.code(), released.all());
        assertTrue(exists(url, "items"));
    }
}
