package dev.trackerdb.codegen.pipeline;

import dev.trackerdb.codegen.database.DatabaseProvider;
import dev.trackerdb.codegen.database.OfflineProvider;
import dev.trackerdb.codegen.database.ThrowawayPostgres;
import dev.trackerdb.codegen.files.FileTrees;
import dev.trackerdb.codegen.generate.GeneratedSources;
import dev.trackerdb.codegen.generate.JooqGenerator;
import dev.trackerdb.codegen.migrate.FlywayFactory;
import dev.trackerdb.codegen.migrate.Migrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * migrations -> throwaway PostgreSQL -> jOOQ classes. Prints one line per stage with its time.
 * The committed output is replaced only when every stage succeeded.
 */
public final class Pipeline {

    private final DatabaseProvider provider;
    private final Consumer<String> out;

    public Pipeline(DatabaseProvider provider, Consumer<String> out) {
        this.provider = provider;
        this.out = out;
    }

    public PipelineResult run(PipelineOptions options) throws Exception {
        for (Path dir : options.migrationDirs()) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("Migration directory " + dir + " does not exist."
                        + " Check --project-dir / --migrations.");
            }
        }
        long t0 = System.nanoTime();
        GeneratedSources output = new GeneratedSources(options.outputDirectory());
        if (provider instanceof OfflineProvider offline) return runOffline(offline, options, output, t0);
        try (ThrowawayPostgres db = provider.start()) {
            Duration started = since(t0);
            report("database", db.description(), started);

            long t1 = System.nanoTime();
            Migrator.Result migrated = Migrator.migrate(
                    FlywayFactory.configure(db.jdbcUrl(), db.user(), db.password(), options.locations()).load());
            Duration migrateTime = since(t1);
            report("migrate", migrated.applied() + " migrations applied, schema at version " + migrated.version(), migrateTime);

            long t2 = System.nanoTime();
            Path staging = output.newStaging();
            boolean changed;
            int tables;
            int enums;
            try (Connection c = db.connect()) {
                JooqGenerator.generate(c, options.codegen(), staging);
                tables = count(c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                        + options.codegen().inputSchema() + "' AND table_type = 'BASE TABLE' AND table_name !~ '"
                        + options.codegen().excludes() + "'");
                enums = count(c, "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                        + " WHERE t.typtype = 'e' AND n.nspname = '" + options.codegen().inputSchema() + "'");
                changed = output.replaceWith(staging);
            } finally {
                FileTrees.deleteQuietly(staging);
            }
            Duration generateTime = since(t2);
            report("generate", tables + " tables, " + enums + " enums -> " + display(output.directory())
                    + (changed ? " (updated)" : " (unchanged)"), generateTime);

            Duration total = since(t0);
            report("total", "", total);
            return new PipelineResult(db.description(), migrated.applied(), migrated.version(), tables, enums, changed,
                    started, migrateTime, generateTime, total);
        }
    }

    /** No database: DDLDatabase interprets the migrations, so there is no migrate stage. */
    private PipelineResult runOffline(OfflineProvider offline, PipelineOptions options, GeneratedSources output, long t0)
            throws Exception {
        try (OfflineProvider.OfflineSchema schema = offline.interpret(options.migrationDirs())) {
            Duration interpreted = since(t0);
            String description = "offline (jOOQ DDLDatabase, " + schema.uninterpreted().size() + " statements not interpreted)";
            report("database", description, interpreted);
            long t2 = System.nanoTime();
            Path staging = output.newStaging();
            boolean changed;
            int tables;
            int enums;
            try {
                JooqGenerator.generate(schema.database(), options.codegen(), staging);
                Path pkg = staging.resolve(options.codegen().targetPackage().replace('.', '/'));
                tables = javaFiles(pkg.resolve("tables"));
                enums = javaFiles(pkg.resolve("enums"));
                changed = output.replaceWith(staging);
            } finally {
                FileTrees.deleteQuietly(staging);
            }
            Duration generateTime = since(t2);
            report("generate", tables + " tables, " + enums + " enums -> " + display(output.directory())
                    + (changed ? " (updated)" : " (unchanged)"), generateTime);
            Duration total = since(t0);
            report("total", "", total);
            return new PipelineResult(description, schema.scripts(), "(offline)", tables, enums, changed,
                    interpreted, Duration.ZERO, generateTime, total);
        }
    }

    private static int javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (var files = Files.list(dir)) {
            return (int) files.filter(f -> f.toString().endsWith(".java")).count();
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void report(String stage, String what, Duration took) {
        out.accept(String.format("%-9s %-70s %6.1f s", stage, what, took.toMillis() / 1000.0));
    }

    private static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

}
