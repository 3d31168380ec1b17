package dev.cairn.drift;

import dev.cairn.migrate.FlywayHistory;

import dev.cairn.catalog.CatalogDdl;

import dev.cairn.catalog.CatalogDiff;
import dev.cairn.catalog.CatalogSnapshot;
import dev.cairn.connect.ConnectionSettings;
import dev.cairn.database.DatabaseProvider;
import dev.cairn.database.ThrowawayPostgres;
import dev.cairn.migrate.FlywayFactory;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.MigrationLocations;
import dev.cairn.migrate.Migrator;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.util.List;

/**
 * Compares a live database with what the migrations produce: Flyway's history against the files,
 * then the live catalog against a throwaway database migrated to the same version. The live
 * database is only read (see {@link LiveDatabase}).
 */
public final class DriftCheck {

    private final DatabaseProvider provider;
    private final FlywaySettings flyway;
    private final String schema;

    public DriftCheck(DatabaseProvider provider, MigrationLocations locations, String schema) {
        this(provider, FlywaySettings.of(locations), schema);
    }

    /** With the chain's Flyway settings (placeholders, schemas, history table), as migrate uses them. */
    public DriftCheck(DatabaseProvider provider, FlywaySettings flyway, String schema) {
        this.provider = provider;
        this.flyway = flyway;
        this.schema = schema;
    }

    public DriftReport run(ConnectionSettings settings) throws Exception {
        try (LiveDatabase live = LiveDatabase.open(settings)) {
            FluentConfiguration liveFlyway = FlywayFactory.configure(settings.jdbcUrl(), settings.user(), settings.password(), flyway)
                    .dataSource(live.dataSource());
            // info() on a database without the history table would be harmless, but nothing here
            // should even look like it manages an unmanaged database: ask the catalog first.
            FlywayHistory.Status history = live.hasTable(flyway.schemas().getFirst(), liveFlyway.getTable())
                    ? FlywayHistory.status(liveFlyway.load()) : null;
            String target = history != null ? history.targetVersion() : null;

            try (ThrowawayPostgres expectedDb = provider.start()) {
                FluentConfiguration expectedFlyway = FlywayFactory.configure(
                        expectedDb.jdbcUrl(), expectedDb.user(), expectedDb.password(), flyway);
                String basis;
                if (history == null) {
                    Migrator.Result r = Migrator.migrate(expectedFlyway.load());
                    basis = "all migrations (head, version " + r.version() + "): the live database has no Flyway history";
                } else if (target == null) {
                    basis = "an empty schema: the live database has applied no migration that exists as a file";
                } else {
                    Migrator.migrate(expectedFlyway.target(target).load());
                    basis = "migrations up to version " + target + ", the version the live database reports"
                            + (target.equals(history.current()) ? "" : " (" + history.current() + ") as far as files exist");
                }
                try (Connection expectedConnection = expectedDb.connect()) {
                    CatalogSnapshot expected = CatalogSnapshot.read(expectedConnection, schema, flyway.table());
                    CatalogSnapshot actual = CatalogSnapshot.read(live.connection(), schema, flyway.table());
                    CatalogDiff diff = CatalogDiff.between(expected, actual);
                    List<CatalogDdl.Statement> ddl = diff.isEmpty() ? List.of() : CatalogDdl.between(actual, expected);
                    return new DriftReport(settings.display(), history, target, basis, diff, ddl);
                }
            }
        }
    }
}
