package dev.cairn.jooq;

import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import dev.cairn.database.DatabaseChoice;
import dev.cairn.database.DatabaseKind;
import dev.cairn.database.ThrowawayPostgres;
import dev.cairn.migrate.FlywayFactory;
import dev.cairn.migrate.Migrator;
import org.jooq.DSLContext;
import org.jooq.meta.TableDefinition;
import org.jooq.meta.postgres.PostgresDatabase;
import org.jooq.tools.JooqLogger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A jOOQ {@code Database} for every jOOQ front end (jooq-codegen-maven, jOOQ's Gradle plugin,
 * {@code GenerationTool}): in the spirit of jooq-meta-extensions' DDLDatabase, but it runs the real
 * Flyway migrations on a throwaway PostgreSQL and jOOQ then reads the real catalog, as
 * {@link PostgresDatabase} reads any PostgreSQL. Configured by {@code <properties>} with cairn's
 * setting names ({@link DatabaseProperties}); needs no {@code <jdbc>}.
 *
 * <p>The server starts when jOOQ first asks for the database and stops when jOOQ closes it (the
 * generator does, when it is done). Flyway's history table is never generated. Lint and the
 * migration lock are not run here: cairn's own Maven plugin and CLI do those.
 */
public class MigrationsDatabase extends PostgresDatabase {

    private static final JooqLogger log = JooqLogger.getLogger(MigrationsDatabase.class);

    private ThrowawayPostgres server;
    private Connection connection;

    @Override
    protected DSLContext create0() {
        if (connection == null) start();
        return super.create0();
    }

    private void start() {
        Map<String, String> environment = System.getenv();
        CairnSettings settings = DatabaseProperties.settings(getProperties(), getBasedir(),
                CairnSettings.systemProperties(), environment);
        for (Path dir : settings.migrationDirs()) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": migration directory " + dir
                        + " does not exist. Check the locations property (relative to " + settings.baseDir() + ").");
            }
        }
        DatabaseChoice choice = settings.databaseChoice(environment);
        if (choice.kind() == DatabaseKind.OFFLINE) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " migrates a real PostgreSQL; database=offline"
                    + " has none. Use jOOQ's org.jooq.meta.extensions.ddl.DDLDatabase for an offline read.");
        }
        ThrowawayPostgres db;
        try {
            db = choice.provider(log::info).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a throwaway PostgreSQL (database=" + settings.value(Setting.DATABASE)
                    + "): " + e.getMessage(), e);
        }
        try {
            Migrator.Result migrated = Migrator.migrate(
                    FlywayFactory.configure(db.jdbcUrl(), db.user(), db.password(), settings.flyway()).load());
            log.info("cairn", db.description() + ": " + migrated.applied() + " migrations applied, schema at version "
                    + migrated.version());
            connection = db.connect();
        } catch (SQLException e) {
            db.close();
            throw new IllegalStateException("Could not connect to " + db.description() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            db.close(); // a failed migration: nobody will close this database
            throw e;
        }
        server = db;
        setConnection(connection);
        excludeHistoryTable(settings.value(Setting.TABLE), settings.flyway().schemas().getFirst());
    }

    /** Flyway's bookkeeping is not the application's schema (the same exclusion cairn's generate makes). */
    private void excludeHistoryTable(String table, String schema) {
        addFilter(d -> d instanceof TableDefinition t && t.getName().equals(table) && t.getSchema() != null
                && t.getSchema().getName().equals(schema));
    }

    /** Stops the server: jOOQ's generator closes its database when it is done (and on failure). */
    @Override
    public void close() {
        try {
            super.close();
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // the server goes away next anyway
                }
                connection = null;
            }
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }
}
