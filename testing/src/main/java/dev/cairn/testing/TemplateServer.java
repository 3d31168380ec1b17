package dev.cairn.testing;

import dev.cairn.database.DatabaseChoice;
import dev.cairn.database.DatabaseKind;
import dev.cairn.database.ThrowawayPostgres;
import dev.cairn.connect.PostgresJdbcUrl;
import dev.cairn.migrate.FlywayFactory;
import dev.cairn.migrate.MigrationLocations;
import dev.cairn.migrate.Migrator;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL per JVM (from the codegen providers) holding one migrated template database per
 * migration set; fresh databases are copies made with {@code CREATE DATABASE x TEMPLATE t}, which
 * costs a file copy instead of re-running every migration. The next copy of each template is made
 * ahead, on a background thread, while the current test runs (prefetching, as zonky's
 * embedded-database-spring-test does): a test then waits only for what the copy has not finished.
 * Off with {@code -Dcairn.template.prefetch=false}. Closed once, at the end of the test run,
 * through JUnit's root store: drops what it created (a shared server keeps nothing) and stops what
 * it started.
 */
public final class TemplateServer implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ThrowawayPostgres server;
    private final String runId = HexFormat.of().formatHex(randomBytes(3));
    private final Map<MigrationLocations, String> templates = new LinkedHashMap<>();
    private final List<String> leftovers = new ArrayList<>();
    /** Per template: the copy being made ahead for the next caller. */
    private final Map<String, CompletableFuture<String>> spares = new HashMap<>();
    private final boolean prefetch = Boolean.parseBoolean(System.getProperty("cairn.template.prefetch", "true"));
    private final ExecutorService prefetcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cairn-template-prefetch");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger copies = new AtomicInteger();

    private TemplateServer(ThrowawayPostgres server) {
        this.server = server;
    }

    /** Starts the PostgreSQL the system properties/environment choose (see {@link FreshDatabase}). */
    public static TemplateServer start(DatabaseChoice choice) throws IOException {
        if (choice.kind() == DatabaseKind.OFFLINE) {
            throw new IllegalArgumentException("cairn.database=offline has no database to test against;"
                    + " use auto, embedded, testcontainers or server.");
        }
        return new TemplateServer(choice.provider(line -> System.out.println("[cairn-testing] " + line)).start());
    }

    public String description() {
        return server.description();
    }

    /** The template for a migration set, migrated on first use. */
    public synchronized String template(MigrationLocations locations) throws SQLException {
        String existing = templates.get(locations);
        if (existing != null) return existing;
        String name = "cairn_tmpl_" + runId + "_" + templates.size();
        execute("CREATE DATABASE " + name);
        templates.put(locations, name);
        Migrator.migrate(FlywayFactory.configure(url(name), server.user(), server.password(), locations).load());
        // Copying needs a template nobody is connected to; keep it that way.
        execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false");
        return name;
    }

    /** A new database copied from the template of the migration set; the caller drops it. */
    public synchronized TestDatabase copy(MigrationLocations locations) throws SQLException {
        String template = template(locations);
        fileCopy(); // decided here, under the lock, before any prefetch thread asks
        String name = takeSpare(template);
        if (name == null) name = createCopy(template);
        if (prefetch) {
            spares.put(template, CompletableFuture.supplyAsync(() -> {
                try {
                    return createCopy(template);
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            }, prefetcher));
        }
        return new TestDatabase(url(name), server.user(), server.password());
    }

    /** A copy made right now, bypassing the prefetched one: what a copy costs by itself (for measurements). */
    synchronized TestDatabase copyNow(MigrationLocations locations) throws SQLException {
        String template = template(locations);
        fileCopy();
        return new TestDatabase(url(createCopy(template)), server.user(), server.password());
    }

    /** The copy made ahead, once it is finished; null when there is none or making it failed. */
    private String takeSpare(String template) {
        CompletableFuture<String> spare = spares.remove(template);
        if (spare == null) return null;
        try {
            return spare.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return null; // made again, in the caller's thread, where its error is reported
        }
    }

    private String createCopy(String template) throws SQLException {
        // Runs on the prefetch thread while copy() holds the lock: it must not take that lock.
        String name = "cairn_test_" + runId + "_" + copies.incrementAndGet();
        // FILE_COPY (PostgreSQL 15+) copies the files and checkpoints; the default WAL_LOG writes
        // every block through the WAL, several times slower for a small schema (measured: docs/providers.md).
        execute("CREATE DATABASE " + name + " TEMPLATE " + template + (fileCopy() ? " STRATEGY FILE_COPY" : ""));
        return name;
    }

    /** Drops a copy, ending sessions a test left open. */
    public void drop(TestDatabase db) {
        String name = PostgresJdbcUrl.parse(db.jdbcUrl()).database();
        try {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            synchronized (this) {
                leftovers.add(name);
            }
        }
    }

    private volatile Boolean fileCopy;

    private boolean fileCopy() throws SQLException {
        if (fileCopy == null) {
            String strategy = System.getProperty("cairn.template.strategy", "file_copy");
            try (Connection c = server.connect(); Statement s = c.createStatement();
                 var rs = s.executeQuery("SHOW server_version_num")) {
                rs.next();
                fileCopy = strategy.equalsIgnoreCase("file_copy") && Integer.parseInt(rs.getString(1)) >= 150000;
            }
        }
        return fileCopy;
    }

    private String url(String database) {
        return PostgresJdbcUrl.parse(server.jdbcUrl()).withDatabase(database);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public synchronized void close() {
        prefetcher.shutdown();
        for (CompletableFuture<String> spare : spares.values()) {
            try {
                leftovers.add(spare.join());
            } catch (CompletionException | java.util.concurrent.CancellationException ignored) {
                // it was never made
            }
        }
        try {
            for (String name : templates.values()) execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            for (String name : leftovers) execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("[cairn-testing] could not drop template databases in " + server.description()
                    + ": " + e.getMessage());
        } finally {
            server.close();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
