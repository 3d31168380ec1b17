package dev.cairn.drift;

import dev.cairn.migrate.FlywayHistory;

import dev.cairn.catalog.CatalogDdl;

import dev.cairn.catalog.CatalogDiff;

import java.util.List;

/**
 * What {@code cairn drift} found.
 *
 * @param database      where, for people (never the password)
 * @param history       Flyway's view; null when the database has no Flyway history table
 * @param targetVersion the version the expected schema was migrated to; null for all migrations (head)
 * @param expectedBasis one sentence saying what the live schema was compared with
 * @param schema        the catalog differences, expected = migrations, actual = live
 * @param ddl           statements that would make the live schema match (never executed)
 */
public record DriftReport(String database, FlywayHistory.Status history, String targetVersion, String expectedBasis,
                          CatalogDiff schema, List<CatalogDdl.Statement> ddl) {

    public DriftReport {
        ddl = List.copyOf(ddl);
    }

    public boolean managedByFlyway() {
        return history != null;
    }

    /** Flyway findings + schema differences; a database without Flyway history counts as one. */
    public int differences() {
        return (history != null ? history.findings() : 1) + schema.size();
    }
}
