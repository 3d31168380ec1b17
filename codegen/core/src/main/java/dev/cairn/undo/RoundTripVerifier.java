package dev.cairn.undo;

import dev.cairn.migrate.FlywayHistory;

import dev.cairn.catalog.CatalogDiff;
import dev.cairn.catalog.CatalogSnapshot;
import dev.cairn.database.DatabaseProvider;
import dev.cairn.database.ThrowawayPostgres;
import dev.cairn.migrate.FlywayFactory;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.MigrationFailedException;
import dev.cairn.migrate.MigrationLocations;
import dev.cairn.migrate.Migrator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Proves each undo script by a round trip on one throwaway database, walking forward through the
 * versions: with the catalog at n-1 recorded, migrate to n, apply U<n> (and forget n in Flyway's history,
 * as {@code cairn undo} does), require the catalog to equal n-1 again, then migrate n once more
 * (upgrade, downgrade, upgrade) and require the catalog of the first upgrade. A step that fails is
 * reported and the database rebuilt to n, so one bad script does not hide the verdict on the others.
 */
public final class RoundTripVerifier {

    private final DatabaseProvider provider;
    private final Consumer<String> out;

    public RoundTripVerifier(DatabaseProvider provider, Consumer<String> out) {
        this.provider = provider;
        this.out = out;
    }

    public VerifyUndoReport verify(MigrationLocations locations, UndoScripts undo) throws Exception {
        return verify(FlywaySettings.of(locations), undo);
    }

    /** With the chain's Flyway settings: its placeholders, schemas and history table, as migrate uses them. */
    public VerifyUndoReport verify(FlywaySettings flyway, UndoScripts undo) throws Exception {
        long t0 = System.nanoTime();
        UndoScriptParser parser = new UndoScriptParser(flyway.placeholders());
        List<RoundTripResult> results = new ArrayList<>();
        try (ThrowawayPostgres db = provider.start(); Connection c = db.connect()) {
            Walk walk = new Walk(db, c, flyway);
            List<MigrationInfo> migrations = walk.pendingMigrations();
            int width = Math.max(undo.files().values().stream().mapToInt(p -> p.getFileName().toString().length()).max().orElse(0),
                    migrations.stream().mapToInt(m -> m.getScript().length()).max().orElse(0));

            Set<MigrationVersion> known = new TreeSet<>();
            migrations.forEach(m -> known.add(m.getVersion()));
            undo.files().forEach((v, f) -> {
                if (!known.contains(v)) {
                    RoundTripResult r = RoundTripResult.failed(v.getVersion(), f.getFileName().toString(),
                            List.of("there is no migration V" + v + " for this undo script; rename or delete it"), Duration.ZERO);
                    results.add(r);
                    print(r, width);
                }
            });

            CatalogSnapshot before = walk.snapshot();
            MigrationVersion previous = null;
            for (MigrationInfo m : migrations) {
                Step s = step(walk, m, previous, before, undo, parser);
                results.add(s.result());
                print(s.result(), width);
                before = s.atVersion();
                previous = m.getVersion();
            }
        }
        results.sort((a, b) -> MigrationVersion.fromVersion(a.version()).compareTo(MigrationVersion.fromVersion(b.version())));
        VerifyUndoReport report = new VerifyUndoReport(results, Duration.ofNanos(System.nanoTime() - t0));
        out.accept(report.summary());
        return report;
    }

    /** @param atVersion the catalog at version n, where every step leaves the database */
    private record Step(RoundTripResult result, CatalogSnapshot atVersion) {
    }

    /** One version: leaves the database at version n whatever happens (rebuilding it after a failure). */
    private Step step(Walk walk, MigrationInfo m, MigrationVersion previous, CatalogSnapshot before,
                                 UndoScripts undo, UndoScriptParser parser) throws Exception {
        MigrationVersion v = m.getVersion();
        String version = v.getVersion();
        walk.migrateTo(v);
        CatalogSnapshot after = walk.snapshot();

        Optional<java.nio.file.Path> file = undo.file(v);
        if (file.isEmpty()) {
            return new Step(RoundTripResult.missing(version, m.getScript(),
                    walk.suggestUndo(before, after)), after);
        }
        String name = file.get().getFileName().toString();
        UndoScript script;
        try {
            script = parser.parse(v, UndoScripts.description(file.get()), file.get());
        } catch (UndoScriptException e) {
            return new Step(RoundTripResult.failed(version, name, List.of(e.getMessage()), Duration.ZERO), after);
        }

        long t = System.nanoTime();
        try {
            UndoApplier.apply(walk.connection, script, c -> FlywayHistory.forget(c, walk.schema, walk.flyway.table(), v));
        } catch (UndoFailedException e) {
            walk.rebuildAt(v);
            return new Step(RoundTripResult.failed(version, name, List.of(e.getMessage()), Duration.ofNanos(System.nanoTime() - t)), after);
        }
        Duration undoTime = Duration.ofNanos(System.nanoTime() - t);

        CatalogDiff undone = CatalogDiff.between(before, walk.snapshot());
        if (!undone.isEmpty()) {
            walk.rebuildAt(v);
            List<String> problems = new ArrayList<>();
            problems.add("after " + name + " the catalog is not the one before " + m.getScript() + ":");
            undone.lines().forEach(l -> problems.add("  " + l));
            return new Step(RoundTripResult.failed(version, name, problems, undoTime), after);
        }

        try {
            walk.migrateTo(v);
        } catch (MigrationFailedException e) {
            walk.rebuildAt(v);
            return new Step(RoundTripResult.failed(version, name,
                    List.of("re-applying " + m.getScript() + " after the undo failed:", "  " + e.getMessage().replace("\n", "\n  ")),
                    undoTime), after);
        }
        CatalogDiff again = CatalogDiff.between(after, walk.snapshot());
        if (!again.isEmpty()) {
            walk.rebuildAt(v);
            List<String> problems = new ArrayList<>();
            problems.add("re-applying " + m.getScript() + " after the undo gives a different catalog than the first time:");
            again.lines().forEach(l -> problems.add("  " + l));
            return new Step(RoundTripResult.failed(version, name, problems, undoTime), after);
        }
        return new Step(RoundTripResult.ok(version, name, undoTime), after);
    }

    private void print(RoundTripResult r, int width) {
        switch (r.status()) {
            case OK -> out.accept(String.format("%-" + width + "s  ok      %5.2f s", r.script(), seconds(r.undoTime())));
            case FAILED -> {
                out.accept(String.format("%-" + width + "s  FAILED  %5.2f s", r.script(), seconds(r.undoTime())));
                r.problems().forEach(p -> out.accept("    " + p.replace("\n", "\n    ")));
            }
            case MISSING -> {
                out.accept(r.script() + " has no undo script; a starting point from the catalog diff:");
                r.suggestedUndo().forEach(l -> out.accept("    " + l));
            }
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** The throwaway database being walked, and the Flyway runs on it. */
    private static final class Walk {
        final ThrowawayPostgres db;
        final Connection connection;
        final FlywaySettings flyway;
        /** Flyway's default schema (the first it manages): history table and the catalog compared. */
        final String schema;

        Walk(ThrowawayPostgres db, Connection connection, FlywaySettings flyway) throws SQLException {
            this.db = db;
            this.connection = connection;
            this.flyway = flyway;
            this.schema = flyway.schemas().getFirst();
            FlywaySearchPath.apply(connection, schema);
        }

        List<MigrationInfo> pendingMigrations() {
            Flyway loaded = FlywayFactory.configure(db.jdbcUrl(), db.user(), db.password(), flyway).load();
            return Arrays.stream(loaded.info().pending()).filter(MigrationInfo::isVersioned).toList();
        }

        void migrateTo(MigrationVersion v) {
            Migrator.migrate(FlywayFactory.configure(db.jdbcUrl(), db.user(), db.password(), flyway)
                    .target(v).load());
        }

        CatalogSnapshot snapshot() throws SQLException {
            return CatalogSnapshot.read(connection, schema, flyway.table());
        }

        /** After a failed step: an empty schema (history included), migrated to {@code v} from scratch. */
        void rebuildAt(MigrationVersion v) throws SQLException {
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                for (String managed : flyway.schemas()) {
                    String q = "\"" + managed.replace("\"", "\"\"") + "\"";
                    s.execute("DROP SCHEMA IF EXISTS " + q + " CASCADE");
                    s.execute("CREATE SCHEMA " + q);
                }
            }
            migrateTo(v);
        }

        List<String> suggestUndo(CatalogSnapshot before, CatalogSnapshot after) {
            return SuggestedUndo.forStep(before, after);
        }
    }
}
