package dev.cairn.generate;

import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.OnError;
import org.jooq.meta.jaxb.SchemaMappingType;

import dev.cairn.files.FileTrees;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

/** Runs jOOQ's code generator against a migrated database, into a directory of our choosing. */
public final class JooqGenerator {

    private JooqGenerator() {
    }

    /**
     * The jOOQ configuration: kept here so every run (CLI, Maven, tests) generates the same way. Our
     * {@code <generator>} merged with the team's, if they gave one ({@link GeneratorMerge}).
     */
    public static Configuration configuration(CodegenSettings settings, Path targetDirectory) {
        return new Configuration()
                .withLogging(Logging.WARN)
                .withOnError(OnError.FAIL)
                .withGenerator(GeneratorMerge.merge(settings, targetDirectory));
    }

    /**
     * Generates from a jOOQ-meta database other than a live connection (the offline mode's
     * DDLDatabase), with the same settings; its schema is read under the same name as in PostgreSQL.
     */
    public static void generate(Database source, CodegenSettings settings, Path targetDirectory) throws Exception {
        Configuration config = configuration(settings, targetDirectory);
        Database database = config.getGenerator().getDatabase();
        // Their database options (forced types, includes ...) apply here too; only the reader is DDLDatabase.
        database.setName(source.getName());
        database.setProperties(source.getProperties());
        // DDLDatabase keeps H2's schema names (PUBLIC); generated code must say "public".
        database.setInputSchema(null);
        database.setSchemata(settings.schemas().stream().map(s -> new SchemaMappingType()
                .withInputSchema(s.toUpperCase(java.util.Locale.ROOT))
                .withOutputSchema(s)).toList());
        new GenerationTool().run(config);
    }

    public static void generate(Connection connection, CodegenSettings settings, Path targetDirectory) throws Exception {
        run(connection, configuration(settings, targetDirectory));
    }

    private static void run(Connection connection, Configuration configuration) throws Exception {
        planOnce(connection);
        GenerationTool tool = new GenerationTool();
        tool.setConnection(connection);
        tool.run(configuration);
        ran = true;
    }

    /**
     * jOOQ-meta reads a table's columns with one query per table, over information_schema's views: on
     * 200 tables, planned anew each time, that was a fifth of the generate stage. Prepared on the server
     * from the first run and planned once, the same queries return the same rows.
     */
    private static void planOnce(Connection connection) {
        try {
            // plan_cache_mode is PostgreSQL 12's; an older server plans as before
            if (!connection.isWrapperFor(org.postgresql.PGConnection.class)
                    || connection.getMetaData().getDatabaseMajorVersion() < 12) return;
            connection.unwrap(org.postgresql.PGConnection.class).setPrepareThreshold(1);
            try (var s = connection.createStatement()) {
                s.execute("SET plan_cache_mode = force_generic_plan");
            }
        } catch (java.sql.SQLException e) {
            // not worth failing a generate for: it runs as jOOQ would on its own
        }
    }

    /** Set once a generate (or a warm-up) ran in this JVM: its classes are loaded, a warm-up has nothing left to do. */
    private static volatile boolean ran;

    /** Whether this JVM has generated before (a watch, the daemon): then {@link #warmUp} is not worth its time. */
    public static boolean warm() {
        return ran;
    }

    /**
     * Runs the generator once against a database that is still empty, into a directory that is
     * thrown away. In a fresh JVM most of a generate is class loading and JIT warm-up (about 7 s
     * cold against 2 s warm on the tracker schema); done on a spare core while the migrations are
     * linted, that cost leaves the critical path. Failures are ignored: the real run reports them.
     */
    public static void warmUp(Connection emptyDatabase, CodegenSettings settings) {
        Path scratch = null;
        try {
            scratch = dev.cairn.files.OwnedFolders.create(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")), "cairn-generator-warmup-");
            // An empty database has none of the schemas and uses none of a team's forced types: jOOQ
            // would warn about each. The real run warns as usual.
            run(emptyDatabase, configuration(settings, scratch).withLogging(Logging.ERROR).withOnUnused(OnError.SILENT));
        } catch (Exception | LinkageError e) {
            // only a warm-up
        } finally {
            if (scratch != null) FileTrees.deleteQuietly(scratch);
        }
    }
}
