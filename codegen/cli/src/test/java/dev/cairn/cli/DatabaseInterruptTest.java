package dev.cairn.cli;

import dev.cairn.database.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ctrl-C and SIGTERM while `migrate` runs a statement on a real server the test started: the
 * statement is cancelled on the server, the CLI says what state it left, and 2 s after the exit no
 * session of the CLI is left and no lock is held.
 */
class DatabaseInterruptTest {

    private static EmbeddedPostgres pg;
    private static int databases;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() {
        if (pg != null) pg.close();
    }

    @Test
    void sigtermDuringAMigrationCancelsItOnTheServer() throws Exception {
        interruptMidStatement("TERM", 143);
    }

    @Test
    void ctrlCDuringAMigrationCancelsItOnTheServer() throws Exception {
        interruptMidStatement("INT", 130);
    }

    private void interruptMidStatement(String signal, int exit) throws Exception {
        String url = newDatabase();
        Path m = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(m.resolve("V1__t1.sql"), "CREATE TABLE t1 (id int);\nINSERT INTO t1 VALUES (1);\n");
        // The V2: the ALTER takes ACCESS EXCLUSIVE on t1, then the sleep keeps the transaction open.
        Files.writeString(m.resolve("V2__slow.sql"), "ALTER TABLE t1 ADD COLUMN note text;\nSELECT pg_sleep(60);\n");

        try (CliProcess cli = CliProcess.start(Map.of("PGPASSWORD", pg.password()),
                "migrate", "--url", url, "--user", pg.user(), "--migrations", m.toString(), "--project-dir", dir.toString())) {
            String name = "cairn (pid " + cli.pid() + ")";
            await(url, "the CLI's session sleeping in V2", 60,
                    "SELECT count(*) = 1 FROM pg_stat_activity WHERE application_name = '" + name + "' AND state = 'active'"
                            + " AND query LIKE 'SELECT pg_sleep%'");
            cli.signal(signal);
            assertEquals(exit, cli.exitCode(60), cli.out() + cli.err());

            // The checks below hold at once; the poll only allows the server a moment to clean up, never more than 2 s.
            await(url, "no session of the CLI and no lock on t1 besides the test's", 2,
                    "SELECT (SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'cairn%(pid " + cli.pid() + ")') = 0"
                            + " AND (SELECT count(*) FROM pg_locks WHERE relation = 't1'::regclass AND pid <> pg_backend_pid()) = 0");
            String err = cli.err().strip();
            assertEquals("interrupted during migrate: the running statement was cancelled on the server and rolled back;"
                    + " the history public.flyway_schema_history says applied up to version 1;"
                    + " no session of cairn is left on the server.", err);
            try (Connection c = connect(url); Statement s = c.createStatement()) {
                s.execute("SET lock_timeout = '500ms'");
                assertEquals(List.of("1"), rows(s, "SELECT count(*) FROM t1"), "a reader does not wait");
                assertEquals(List.of("0"), rows(s, "SELECT count(*) FROM information_schema.columns WHERE table_name = 't1' AND column_name = 'note'"));
                assertEquals(List.of("1|t"), rows(s, "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL"));
            }
        }
    }

    @Test
    void sigtermDuringAnUndoCancelsItAndKeepsTheHistory() throws Exception {
        String url = newDatabase();
        Path m = Files.createDirectories(dir.resolve("migration"));
        Path u = Files.createDirectories(dir.resolve("undo"));
        Files.writeString(m.resolve("V1__t1.sql"), "CREATE TABLE t1 (id int);\n");
        Files.writeString(m.resolve("V2__note.sql"), "ALTER TABLE t1 ADD COLUMN note text;\n");
        Files.writeString(u.resolve("U2__note.sql"), "ALTER TABLE t1 DROP COLUMN note;\nSELECT pg_sleep(60);\n");
        int migrated = Cairn.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .execute("migrate", "--url", url, "--user", pg.user(), "--password", pg.password(), "--migrations", m.toString(),
                        "--project-dir", dir.toString());
        assertEquals(0, migrated);

        try (CliProcess cli = CliProcess.start(Map.of("PGPASSWORD", pg.password()),
                "undo", "--steps", "1", "--url", url, "--user", pg.user(), "--undo-dir", u.toString(), "--project-dir", dir.toString())) {
            await(url, "the CLI's session sleeping in U2", 60, "SELECT count(*) = 1 FROM pg_stat_activity WHERE application_name = 'cairn (pid "
                    + cli.pid() + ")' AND state = 'active' AND query LIKE 'SELECT pg_sleep%'");
            cli.signal("TERM");
            assertEquals(143, cli.exitCode(60), cli.out() + cli.err());
            await(url, "no session of the CLI and no lock on t1 besides the test's", 2,
                    "SELECT (SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'cairn%(pid " + cli.pid() + ")') = 0"
                            + " AND (SELECT count(*) FROM pg_locks WHERE relation = 't1'::regclass AND pid <> pg_backend_pid()) = 0");
            assertEquals("interrupted during undo: the running statement was cancelled on the server and rolled back;"
                    + " the history public.flyway_schema_history says applied up to version 2;"
                    + " no session of cairn is left on the server.", cli.err().strip());
            try (Connection c = connect(url); Statement s = c.createStatement()) {
                assertEquals(List.of("1"), rows(s, "SELECT count(*) FROM information_schema.columns WHERE table_name = 't1' AND column_name = 'note'"));
                assertEquals(List.of("1|t", "2|t"), rows(s, "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank"));
            }
        }
    }

    private static String newDatabase() throws SQLException {
        String name = "interrupt" + (++databases);
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return pg.jdbcUrl().replace("/postgres", "/" + name);
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, pg.user(), pg.password());
    }

    /** Polls {@code sql} (one boolean) every 20 ms until it is true; fails after {@code seconds}. */
    private static void await(String url, String what, int seconds, String sql) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (Connection c = connect(url); PreparedStatement ps = c.prepareStatement(sql)) {
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) return;
                }
                if (System.nanoTime() > deadline) throw new AssertionError("not within " + seconds + " s: " + what);
                Thread.sleep(20);
            }
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) row.append(i > 1 ? "|" : "").append(rs.getString(i));
                out.add(row.toString());
            }
        }
        return out;
    }
}
