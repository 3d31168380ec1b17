package dev.cairn.migrate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Flyway settings a team's chain needs, as data: where the migrations are, which schemas
 * Flyway manages, placeholders, the history table and whether out-of-order versions are applied.
 * Every command builds its Flyway from one of these ({@link FlywayFactory}).
 *
 * @param locations    where the migrations are
 * @param schemas      schemas Flyway manages; the first holds the history table
 * @param placeholders Flyway placeholders (sorted, so fingerprints do not depend on map order)
 * @param table        the history table
 * @param outOfOrder   apply versions lower than the newest applied one
 */
public record FlywaySettings(MigrationLocations locations, List<String> schemas, Map<String, String> placeholders,
                             String table, boolean outOfOrder) {

    public static final String DEFAULT_TABLE = "flyway_schema_history";

    public FlywaySettings {
        schemas = List.copyOf(schemas.isEmpty() ? List.of("public") : schemas);
        placeholders = java.util.Collections.unmodifiableMap(new TreeMap<>(placeholders));
        table = table == null || table.isBlank() ? DEFAULT_TABLE : table;
    }

    /** Flyway's own defaults: schema public, no placeholders, flyway_schema_history, in order. */
    public static FlywaySettings of(MigrationLocations locations) {
        return new FlywaySettings(locations, List.of("public"), Map.of(), DEFAULT_TABLE, false);
    }

    public FlywaySettings withLocations(MigrationLocations other) {
        return new FlywaySettings(other, schemas, placeholders, table, outOfOrder);
    }
}
