package dev.cairn.snapshot;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.database.EmbeddedPostgres;
import dev.cairn.database.ThrowawayPostgres;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.signal.Interruption;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An embedded database that may have started from a snapshot, and is kept as one when it is
 * closed after a successful migrate ({@link #migrated}): the server is stopped cleanly and its data
 * directory moved into the cache instead of being deleted.
 */
public final class SnapshotDatabase implements ThrowawayPostgres {

    private final ThrowawayPostgres db;
    private final Optional<Snapshot> base;
    private final Optional<String> notice;
    private final SnapshotCache cache;
    private final SnapshotEnvironment env;
    private final MigrationChain chain;
    private final Consumer<String> warn;
    private boolean keep;
    private WarmStart warm;
    private DatabaseProvider embedded;
    private boolean startedAhead;

    SnapshotDatabase(ThrowawayPostgres db, Optional<Snapshot> base, Optional<String> notice, SnapshotCache cache,
                     SnapshotEnvironment env, MigrationChain chain, Consumer<String> warn) {
        this.db = db;
        this.base = base;
        this.notice = notice;
        this.cache = cache;
        this.env = env;
        this.chain = chain;
        this.warn = warn;
    }

    /** In a loop of runs: the server was started ahead, and on close the next one is started ahead. */
    SnapshotDatabase withWarmStart(WarmStart warm, DatabaseProvider embedded, boolean startedAhead) {
        this.warm = warm;
        this.embedded = embedded;
        this.startedAhead = startedAhead;
        return this;
    }

    /** Whether the server was started between runs, before this run asked for it. */
    public boolean startedAhead() {
        return startedAhead;
    }

    /** The snapshot this database started from; empty when it started from zero. */
    public Optional<Snapshot> base() {
        return base;
    }

    /** Migrations already in the database when it started. */
    public int reused() {
        return base.map(s -> s.applied().size()).orElse(0);
    }

    /** Something to tell about the start, e.g. a corrupt snapshot that was discarded. */
    public Optional<String> notice() {
        return notice;
    }

    /**
     * Called after a successful migrate: when the history table holds exactly the chain's versions
     * (those after the snapshot it started from, if that one's history was compacted), all
     * successful, the database is kept as a snapshot on close, its history {@linkplain #compact
     * compacted} now. Anything else (a failed or out-of-order entry, a version the files do not
     * explain) keeps nothing.
     */
    public void migrated(FlywaySettings flyway) {
        try (Connection c = db.connect()) {
            keep = holds(history(c, flyway), chain.steps().stream().map(MigrationChain.Step::version).toList(), reused());
            if (keep) compact(c, flyway);
        } catch (SQLException noHistory) {
            keep = false; // no history table (an empty chain), or no compaction: nothing worth keeping
        }
    }

    /**
     * Whether a history (as {@link #history} reads it) is that of {@code versions}, the first
     * {@code compactedAt} of which came from a snapshot: all of them, or, from a compacted snapshot,
     * the last of those and every later one.
     */
    static boolean holds(List<String> history, List<String> versions, int compactedAt) {
        return history.equals(versions)
                || compactedAt > 0 && history.equals(versions.subList(compactedAt - 1, versions.size()));
    }

    /**
     * Leaves one row of the versioned history: the newest, which is all Flyway needs to know which
     * migrations are new. Flyway reads its whole history twice per migrate, so on a snapshot of
     * 2,000 migrations each run would read 4,000 rows to apply one; the generated code depends on
     * the schema, not on these rows. Repeatables' rows stay: Flyway compares their checksums.
     */
    static void compact(Connection c, FlywaySettings flyway) throws SQLException {
        String table = table(flyway);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM " + table + " WHERE version IS NOT NULL AND installed_rank <"
                    + " (SELECT max(installed_rank) FROM " + table + " WHERE version IS NOT NULL)");
        }
    }

    /** Versions of the successful history rows in the order applied; a failed row makes the list unmatchable. */
    static List<String> history(ThrowawayPostgres db, FlywaySettings flyway) throws SQLException {
        try (Connection c = db.connect()) {
            return history(c, flyway);
        }
    }

    private static List<String> history(Connection c, FlywaySettings flyway) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM " + table(flyway)
                     + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) versions.add(rs.getBoolean(2) ? rs.getString(1) : "failed " + rs.getString(1));
        }
        return versions;
    }

    private static String table(FlywaySettings flyway) {
        return quote(flyway.schemas().getFirst()) + "." + quote(flyway.table());
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** template1 of the same server: empty whatever the snapshot holds (for the generator's warm-up). */
    public Connection connectToEmptyDatabase() throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", user());
        if (password() != null) props.setProperty("password", password());
        return java.sql.DriverManager.getConnection(jdbcUrl().replaceFirst("/postgres(\\?|$)", "/template1$1"), props);
    }

    @Override
    public String jdbcUrl() {
        return db.jdbcUrl();
    }

    @Override
    public String user() {
        return db.user();
    }

    @Override
    public String password() {
        return db.password();
    }

    @Override
    public String description() {
        return db.description() + base.map(s -> " from snapshot " + s.label()).orElse("");
    }

    @Override
    public Connection connect() throws SQLException {
        return db.connect();
    }

    @Override
    public Optional<String> ended() {
        return db.ended();
    }

    /** Stops the server; keeps its data as a snapshot when {@link #migrated} said so. Never fails the run. */
    @Override
    public void close() {
        Optional<Snapshot> kept = Optional.empty();
        // An interrupted run (Ctrl-C) is being abandoned: its server is stopped, nothing is kept.
        if (!keep || !(db instanceof EmbeddedPostgres pg) || Interruption.requested()) {
            db.close();
        } else {
            Path staging = null;
            try {
                staging = cache.newStaging();
                if (pg.closeKeepingData(staging.resolve("data"))) kept = cache.publish(staging, env, chain);
            } catch (IOException | RuntimeException e) {
                warn.accept("snapshot not kept: " + e.getMessage());
            } finally {
                db.close();
                if (staging != null) dev.cairn.files.FileTrees.deleteQuietly(staging);
            }
        }
        // The next run of the loop most likely starts where this one ended (or, when it kept nothing,
        // where it started): its server is started now, while the developer writes the next change.
        if (warm != null) kept.or(() -> base).ifPresent(s -> warm.prepare(s, embedded, cache));
    }
}
