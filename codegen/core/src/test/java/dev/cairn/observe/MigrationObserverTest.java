package dev.cairn.observe;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.database.ThrowawayPostgres;
import dev.cairn.migrate.FlywayFactory;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.MigrationLocations;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One migration per case on a real PostgreSQL; what the observer saw is what PostgreSQL did. The
 * tables are empty: lock modes and rewrites do not depend on the rows.
 */
class MigrationObserverTest {

    @TempDir
    static Path dir;

    static ThrowawayPostgres db;
    static Map<String, Observation> seen;

    private static final String[][] CHAIN = {
            {"V1__base.sql", "CREATE TABLE owners (id bigint PRIMARY KEY);\n"
                    + "CREATE TABLE events (id bigint PRIMARY KEY, status text, n integer);\n"
                    + "CREATE TABLE codes (code varchar(20) PRIMARY KEY, label varchar(20), price numeric(10,2), flags varbit(8));\n"
                    + "CREATE TABLE readings (id bigint PRIMARY KEY, taken timestamp, noted timestamp);\n"
                    + "CREATE INDEX readings_taken_idx ON readings (taken);\n"
                    + "CREATE TABLE scratch (id bigint PRIMARY KEY);\n"
                    + "CREATE TABLE parts (id bigint, at date) PARTITION BY RANGE (at);\n"
                    + "CREATE TABLE parts_2024 PARTITION OF parts FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n"
                    + "CREATE TABLE zone_unobserved AS SELECT current_setting('TimeZone') AS zone;\n"},
            {"V2__add_column_constant_default.sql", "ALTER TABLE events ADD COLUMN flag boolean NOT NULL DEFAULT false;\n"},
            {"V3__add_column_volatile_default.sql", "ALTER TABLE events ADD COLUMN token uuid DEFAULT gen_random_uuid();\n"},
            {"V4__alter_column_type.sql", "ALTER TABLE events ALTER COLUMN n TYPE bigint;\n"},
            {"V5__set_not_null.sql", "ALTER TABLE events ALTER COLUMN status SET NOT NULL;\n"},
            {"V6__add_check.sql", "ALTER TABLE events ADD CONSTRAINT events_n_positive CHECK (n > 0);\n"},
            {"V7__add_check_not_valid.sql", "ALTER TABLE events ADD CONSTRAINT events_n_small CHECK (n < 100) NOT VALID;\n"},
            {"V8__create_index.sql", "CREATE INDEX idx_events_status ON events (status);\n"},
            {"V9__create_index_concurrently.sql", "CREATE INDEX CONCURRENTLY idx_events_n ON events (n);\n"},
            {"V10__add_foreign_key.sql", "ALTER TABLE events ADD COLUMN owner_id bigint;\n"
                    + "ALTER TABLE events ADD CONSTRAINT events_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id);\n"},
            {"V11__rename_column.sql", "ALTER TABLE events RENAME COLUMN status TO state;\n"},
            {"V12__vacuum_full.sql", "VACUUM FULL events;\n"},
            {"V13__cluster.sql", "CLUSTER events USING events_pkey;\n"},
            {"V14__new_table_with_index.sql", "CREATE TABLE notes (id bigint PRIMARY KEY, body text);\n"
                    + "CREATE INDEX idx_notes_body ON notes (body);\nALTER TABLE notes ALTER COLUMN body TYPE varchar(10);\n"},
            {"V15__validate_constraint.sql", "ALTER TABLE events VALIDATE CONSTRAINT events_n_small;\n"},
            {"V16__widen_varchar_key.sql", "ALTER TABLE codes ALTER COLUMN code TYPE varchar(40);\n"},
            {"V17__key_collation.sql", "ALTER TABLE codes ALTER COLUMN code TYPE varchar(40) COLLATE \"C\";\n"},
            {"V18__add_reference_column.sql", "ALTER TABLE events ADD COLUMN owner2_id bigint REFERENCES owners;\n"},
            {"V19__add_reference_column_default.sql", "ALTER TABLE events ADD COLUMN owner3_id bigint DEFAULT 1 REFERENCES owners;\n"},
            {"V20__truncate.sql", "TRUNCATE scratch;\n"},
            {"V21__timestamptz.sql", "ALTER TABLE readings ALTER COLUMN taken TYPE timestamptz;\n"
                    + "CREATE TABLE zone_observed AS SELECT current_setting('TimeZone') AS zone;\n"},
            {"V22__timestamp_same_precision.sql", "ALTER TABLE readings ALTER COLUMN noted TYPE timestamp(6);\n"},
            {"V23__reindex_concurrently.sql", "REINDEX TABLE CONCURRENTLY events;\n"},
            {"V23__reindex_concurrently.sql.conf", "executeInTransaction=false\n"},
            {"V24__widen_columns.sql", "ALTER TABLE codes ALTER COLUMN label TYPE text, ALTER COLUMN price TYPE numeric(14,2),"
                    + " ALTER COLUMN flags TYPE varbit(16);\n"},
            {"V25__change_scale.sql", "ALTER TABLE codes ALTER COLUMN price TYPE numeric(14,4);\n"},
            {"V27__detach_concurrently.sql", "ALTER TABLE parts DETACH PARTITION parts_2024 CONCURRENTLY;\n"},
            {"V27__detach_concurrently.sql.conf", "executeInTransaction=false\n"},
            {"V26__add_reference_column_default_null.sql", "ALTER TABLE events ADD COLUMN owner4_id bigint DEFAULT NULL REFERENCES owners;\n"},
    };

    @BeforeAll
    static void migrate() throws Exception {
        for (String[] m : CHAIN) Files.writeString(dir.resolve(m[0]), m[1]);
        db = DatabaseProvider.embedded().start();
        MigrationObserver observer = new MigrationObserver(script -> !script.startsWith("V1__"));
        Flyway flyway = FlywayFactory.configure(db.jdbcUrl(), db.user(), db.password(),
                MigrationLocations.directories(List.of(dir))).callbacks(observer).load();
        flyway.migrate();
        seen = observer.observations().stream().collect(Collectors.toMap(Observation::script, o -> o));
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) db.close();
    }

    private static RelationEffect events(String script) {
        Observation o = seen.get(script);
        assertTrue(o != null, script + " was not observed; seen: " + seen.keySet());
        Optional<RelationEffect> e = o.effects().stream().filter(x -> x.relation().equals("public.events")).findFirst();
        assertTrue(e.isPresent(), script + ": nothing observed on events: " + o);
        return e.get();
    }

    @Test
    void constantDefaultIsMetadataOnly() {
        RelationEffect e = events("V2__add_column_constant_default.sql");
        assertFalse(e.rewritten(), e.toString());
        assertEquals("AccessExclusiveLock", e.strongestLock());
        assertFalse(e.readsEveryRow(), e.toString());
    }

    @Test
    void volatileDefaultAndTypeChangeRewrite() {
        assertTrue(events("V3__add_column_volatile_default.sql").rewritten());
        RelationEffect type = events("V4__alter_column_type.sql");
        assertTrue(type.rewritten());
        assertEquals("AccessExclusiveLock", type.strongestLock());
    }

    @Test
    void setNotNullScansUnderAccessExclusive() {
        RelationEffect e = events("V5__set_not_null.sql");
        assertFalse(e.rewritten());
        assertTrue(e.fullScans() > 0, e.toString());
        assertEquals("AccessExclusiveLock", e.strongestLock());
    }

    @Test
    void checkIsValidatedUnlessNotValid() {
        assertEquals(List.of("events_n_positive"), events("V6__add_check.sql").constraintsValidated());
        RelationEffect notValid = events("V7__add_check_not_valid.sql");
        assertEquals(List.of(), notValid.constraintsValidated());
        assertEquals(0, notValid.fullScans());
        assertEquals(List.of("events_n_small"), events("V15__validate_constraint.sql").constraintsValidated());
        assertEquals("ShareUpdateExclusiveLock", events("V15__validate_constraint.sql").strongestLock(),
                "VALIDATE CONSTRAINT lets writes through");
    }

    @Test
    void indexBuildBlocksWritesUnlessConcurrently() {
        RelationEffect plain = events("V8__create_index.sql");
        assertEquals(List.of("public.idx_events_status"), plain.indexesBuilt());
        assertEquals("ShareLock", plain.strongestLock());
        assertTrue(plain.blocksWrites());
        Observation concurrent = seen.get("V9__create_index_concurrently.sql");
        assertFalse(concurrent.transactional());
        RelationEffect c = events("V9__create_index_concurrently.sql");
        assertEquals(List.of("public.idx_events_n"), c.indexesBuilt());
        assertEquals(Set.of(), c.lockModes(), "a non-transactional migration holds no lock at its end");
    }

    @Test
    void foreignKeyValidatesUnderShareRowExclusiveOnBothTables() {
        RelationEffect e = events("V10__add_foreign_key.sql");
        assertEquals(List.of("events_owner_fk"), e.constraintsValidated());
        assertTrue(e.blocksWrites());
        RelationEffect owners = seen.get("V10__add_foreign_key.sql").effects().stream()
                .filter(x -> x.relation().equals("public.owners")).findFirst().orElseThrow();
        assertEquals("ShareRowExclusiveLock", owners.strongestLock());
    }

    @Test
    void renameIsMetadataOnly() {
        RelationEffect e = events("V11__rename_column.sql");
        assertFalse(e.readsEveryRow(), e.toString());
        assertEquals("AccessExclusiveLock", e.strongestLock());
    }

    @Test
    void vacuumFullAndClusterRewrite() {
        assertFalse(seen.get("V12__vacuum_full.sql").transactional());
        assertTrue(events("V12__vacuum_full.sql").rewritten());
        RelationEffect cluster = events("V13__cluster.sql");
        assertTrue(cluster.rewritten());
        assertEquals("AccessExclusiveLock", cluster.strongestLock());
    }

    @Test
    void aTableCreatedInTheSameMigrationIsNeverAFinding() {
        assertEquals(List.of(), seen.get("V14__new_table_with_index.sql").effects());
    }

    private static List<String> rules(String script) {
        return ObservedRisks.of(seen.get(script)).stream().map(f -> f.rule() + " " + f.severity()).toList();
    }

    @Test
    void risksAreRatedByHowLongTheLockLasts() {
        assertEquals(List.of("observed-brief-exclusive-lock INFO"), rules("V2__add_column_constant_default.sql"));
        assertEquals(List.of("observed-rewrite ERROR"), rules("V4__alter_column_type.sql"));
        assertEquals(List.of("observed-blocking-scan ERROR"), rules("V5__set_not_null.sql"));
        assertEquals(List.of("observed-blocking-scan ERROR"), rules("V6__add_check.sql"));
        assertEquals(List.of("observed-brief-exclusive-lock INFO"), rules("V7__add_check_not_valid.sql"));
        assertEquals(List.of("observed-blocking-index-build ERROR"), rules("V8__create_index.sql"));
        assertEquals(List.of("observed-non-transactional INFO"), rules("V9__create_index_concurrently.sql"));
        assertEquals(List.of(), rules("V15__validate_constraint.sql"));
        assertTrue(ObservedRisks.of(seen.get("V4__alter_column_type.sql")).getFirst().text()
                .equals("rewrote table public.events (relfilenode changed) under ACCESS EXCLUSIVE"));
    }

    @Test
    void wideningAVarcharKeyReusesItsIndex() {
        RelationEffect e = effect("V16__widen_varchar_key.sql", "public.codes");
        assertFalse(e.rewritten(), e.toString());
        assertEquals(List.of(), e.indexesBuilt(), "the index got a new OID on its old file: nothing was built");
        assertEquals(List.of("observed-brief-exclusive-lock INFO"), rules("V16__widen_varchar_key.sql"));
    }

    @Test
    void aNewCollationRebuildsTheKeyIndex() {
        RelationEffect e = effect("V17__key_collation.sql", "public.codes");
        assertEquals(List.of("public.codes_pkey"), e.indexesBuilt());
        assertEquals(List.of("observed-blocking-index-build ERROR"), rules("V17__key_collation.sql"));
    }

    @Test
    void aReferenceOnANewColumnChecksNoRowUnlessItHasADefault() {
        assertEquals(List.of(), events("V18__add_reference_column.sql").constraintsValidated());
        assertEquals(List.of("observed-brief-exclusive-lock INFO"), rules("V18__add_reference_column.sql"));
        assertEquals(List.of("events_owner3_id_fkey"), events("V19__add_reference_column_default.sql").constraintsValidated());
        assertTrue(rules("V19__add_reference_column_default.sql").contains("observed-blocking-scan ERROR"),
                rules("V19__add_reference_column_default.sql").toString());
        // DEFAULT NULL is a DEFAULT clause all the same: PostgreSQL validates (lint's constraint-not-valid agrees)
        assertEquals(List.of("events_owner4_id_fkey"), events("V26__add_reference_column_default_null.sql").constraintsValidated());
    }

    /** What the gate reports for one script, from the migration file as written. */
    private static List<ObservedFinding> gate(String script) throws Exception {
        ObservedGate gate = ObservedGate.of(List.of(seen.get(script)), Map.of(script, dir.resolve(script)), ObservedFinding::severity);
        return gate.findings().stream().map(ObservedGate.Located::finding).toList();
    }

    @Test
    void truncateIsReportedAsEmptyingTheTableNotAsARewrite() throws Exception {
        assertTrue(effect("V20__truncate.sql", "public.scratch").rewritten(), "PostgreSQL gives the table a new file");
        List<ObservedFinding> truncate = gate("V20__truncate.sql");
        assertEquals(List.of("truncate-table ERROR"), truncate.stream().map(f -> f.rule() + " " + f.severity()).toList());
        assertTrue(truncate.getFirst().text().startsWith("emptied existing table public.scratch"), truncate.getFirst().text());
        assertEquals(List.of("observed-rewrite ERROR"),
                gate("V4__alter_column_type.sql").stream().map(f -> f.rule() + " " + f.severity()).toList());
    }

    @Test
    void timestampToTimestamptzIsObservedAsTheRewriteItIsOutsideUtc() throws Exception {
        RelationEffect e = effect("V21__timestamptz.sql", "public.readings");
        assertTrue(e.rewritten(), e.toString());
        assertEquals(List.of("observed-rewrite ERROR"), rules("V21__timestamptz.sql"));
        assertFalse(effect("V22__timestamp_same_precision.sql", "public.readings").rewritten());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertEquals(MigrationObserver.TIME_ZONE, single(s, "SELECT zone FROM zone_observed"));
            String server = single(s, "SELECT current_setting('TimeZone')");
            assertEquals(server, single(s, "SELECT zone FROM zone_unobserved"), "an unwatched migration keeps the server's zone");
            assertFalse(server.equals(MigrationObserver.TIME_ZONE));
        }
    }

    @Test
    void aScriptConfigRunsReindexAndDetachConcurrentlyOutsideATransaction() {
        for (String script : List.of("V23__reindex_concurrently.sql", "V27__detach_concurrently.sql")) {
            Observation o = seen.get(script);
            assertTrue(o != null, script + " ran: " + seen.keySet());
            assertFalse(o.transactional(), script);
        }
    }

    /** What lint's concurrently-in-transaction prevents: alone in its file, Flyway still wraps it in a transaction. */
    @Test
    void withoutItsScriptConfigReindexConcurrentlyFailsInFlywaysTransaction(@TempDir Path other) throws Exception {
        Files.writeString(other.resolve("V1__table.sql"), "CREATE TABLE t (id bigint PRIMARY KEY);\n");
        Files.writeString(other.resolve("V2__reindex.sql"), "REINDEX TABLE CONCURRENTLY t;\n");
        Flyway flyway = FlywayFactory.configure(db.jdbcUrl(), db.user(), db.password(), new FlywaySettings(
                MigrationLocations.directories(List.of(other)), List.of("without_conf"), Map.of(), FlywaySettings.DEFAULT_TABLE, false)).load();
        Exception e = assertThrows(Exception.class, flyway::migrate);
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) messages.append(t.getMessage()).append('\n');
        assertTrue(messages.toString().contains("cannot run inside a transaction block"), messages.toString());
    }

    private static RelationEffect effect(String script, String relation) {
        return seen.get(script).effects().stream().filter(x -> x.relation().equals(relation)).findFirst()
                .orElseThrow(() -> new AssertionError(script + ": nothing observed on " + relation + ": " + seen.get(script)));
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next());
            return r.getString(1);
        }
    }

    /** What lint's column-type-changed lets through as a widening, PostgreSQL does in the catalog alone. */
    @Test
    void wideningsLintAcceptsRewriteNothing() {
        RelationEffect widened = effect("V24__widen_columns.sql", "public.codes");
        assertFalse(widened.rewritten(), widened.toString());
        assertEquals(List.of(), widened.indexesBuilt());
        assertTrue(effect("V25__change_scale.sql", "public.codes").rewritten(), "a new scale rewrites every row");
    }
}
