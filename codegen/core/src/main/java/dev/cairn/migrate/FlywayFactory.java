package dev.cairn.migrate;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/** Builds the one Flyway configuration every command shares. */
public final class FlywayFactory {

    private FlywayFactory() {
    }

    public static FluentConfiguration configure(String url, String user, String password, MigrationLocations locations) {
        return configure(url, user, password, FlywaySettings.of(locations));
    }

    public static FluentConfiguration configure(String url, String user, String password, FlywaySettings settings) {
        FluentConfiguration config = Flyway.configure()
                .dataSource(url, user, password)
                .locations(settings.locations().flywayLocations().toArray(String[]::new))
                .schemas(settings.schemas().toArray(String[]::new))
                .placeholders(settings.placeholders())
                .table(settings.table())
                .outOfOrder(settings.outOfOrder())
                .validateMigrationNaming(true)
                .cleanDisabled(true);
        // Flyway's default on PostgreSQL holds a *transactional* advisory lock for the whole run;
        // CREATE INDEX CONCURRENTLY waits for every open transaction, including that one, so the
        // migration hangs forever. A session-level lock still keeps two migrators apart without
        // deadlocking the index build.
        config.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return config;
    }
}
