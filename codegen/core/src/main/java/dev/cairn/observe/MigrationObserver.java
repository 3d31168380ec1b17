package dev.cairn.observe;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Flyway callback that records what each migration did: the catalog before it, and at its end,
 * still inside its transaction (before commit), the locks its session holds, the relfilenodes
 * that changed, the scans of the transaction, the indexes and validated constraints that appeared.
 * Only relations that existed before the migration count: a table created by the same migration
 * is never a finding.
 */
public final class MigrationObserver implements Callback {

    /**
     * The TimeZone the watched migrations run in. The throwaway server's sessions run in UTC, where
     * PostgreSQL (12+) turns {@code timestamp} into {@code timestamptz} without a rewrite; under any
     * zone that ever had another offset it rewrites the table, as production servers outside UTC do.
     * This zone has been UTC+0 since 1912 (its older offset is what makes PostgreSQL rewrite), so a
     * timestamp literal of a watched migration means the same instant as in the unwatched runs.
     */
    public static final String TIME_ZONE = "Africa/Abidjan";

    private final Predicate<String> observe;
    private final String timeZone;
    private final List<Observation> observations = new ArrayList<>();
    private CatalogState before;
    /** The session's TimeZone before a watched migration, put back after it. */
    private String sessionZone;

    /** @param observe which migrations (by file name) to observe; the others run unwatched */
    public MigrationObserver(Predicate<String> observe) {
        this(observe, TIME_ZONE);
    }

    /** @param timeZone the TimeZone the observed migrations run in (a name PostgreSQL knows) */
    public MigrationObserver(Predicate<String> observe, String timeZone) {
        this.observe = observe;
        this.timeZone = timeZone;
    }

    public List<Observation> observations() {
        return List.copyOf(observations);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return (event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_ERROR)
                && context.getMigrationInfo() != null && observe.test(context.getMigrationInfo().getScript());
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection c = context.getConnection();
        try {
            if (event == Event.BEFORE_EACH_MIGRATE) {
                before = CatalogState.read(c);
                sessionZone = setTimeZone(c, timeZone);
            } else if (event == Event.AFTER_EACH_MIGRATE && before != null) {
                observations.add(observe(context.getMigrationInfo(), c, before));
            }
        } catch (SQLException e) {
            // Observing is advice; a migration must never fail because the observer could not look.
        } finally {
            if (event != Event.BEFORE_EACH_MIGRATE) restoreTimeZone(c);
        }
    }

    /** Sets the session's TimeZone (it outlives the migration's transaction) and returns the one it replaced. */
    private static String setTimeZone(Connection c, String zone) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT current_setting('TimeZone'), set_config('TimeZone', ?, false)")) {
            p.setString(1, zone);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    /** The unwatched migrations after this one run in the zone they always did. */
    private void restoreTimeZone(Connection c) {
        before = null;
        if (sessionZone == null) return;
        try {
            setTimeZone(c, sessionZone);
        } catch (SQLException e) {
            // a failed transaction refuses it, and its rollback has put the zone back already
        } finally {
            sessionZone = null;
        }
    }

    @Override
    public String getCallbackName() {
        return "cairn-observer";
    }

    private static Observation observe(MigrationInfo info, Connection c, CatalogState before) throws SQLException {
        boolean transactional = !c.getAutoCommit();
        CatalogState after = CatalogState.read(c);
        // Scans count per transaction: subtract what was there only when BEFORE ran in the same one.
        boolean sameTransaction = transactional && after.transactionStart().equals(before.transactionStart());
        Map<Long, Set<String>> locks = transactional ? heldLocks(c) : Map.of();
        List<RelationEffect> effects = new ArrayList<>();
        Set<Long> indexFiles = new HashSet<>();
        for (CatalogState.Relation r : before.relations().values()) if (r.kindName().equals("index")) indexFiles.add(r.relfilenode());
        for (CatalogState.Relation old : before.relations().values()) {
            CatalogState.Relation now = after.relations().get(old.oid());
            if (now == null) continue; // dropped: what a drop means is the static rules' business
            boolean rewritten = old.relfilenode() != 0 && now.relfilenode() != old.relfilenode();
            long scans = Math.max(0, now.scansInTransaction() - (sameTransaction ? old.scansInTransaction() : 0));
            if (!transactional) scans = 0; // autocommit: each statement's counters are gone with it
            List<String> indexes = new ArrayList<>();
            after.indexTables().forEach((index, table) -> {
                if (table == old.oid() && !before.indexTables().containsKey(index)) {
                    CatalogState.Relation r = after.relations().get(index);
                    // ALTER COLUMN TYPE without a rewrite (varchar(20) -> varchar(40)) recreates the index
                    // under a new OID on its old file: nothing was built.
                    if (r == null || !indexFiles.contains(r.relfilenode())) indexes.add(r != null ? r.name() : String.valueOf(index));
                }
            });
            List<String> validated = new ArrayList<>();
            for (CatalogState.Constraint k : after.constraints().values()) {
                if (k.table() != old.oid() || !k.validated() || (k.type() != 'c' && k.type() != 'f')) continue;
                CatalogState.Constraint was = before.constraints().get(k.oid());
                // Validated without reading the table: PostgreSQL skipped the check, as it does for the foreign
                // key of a column added without a DEFAULT (every row NULL). Scans count in a transaction only.
                if (transactional && scans == 0) continue;
                if (was == null || !was.validated()) validated.add(k.name());
            }
            RelationEffect effect = new RelationEffect(old.name(), old.kindName(), locks.getOrDefault(old.oid(), Set.of()),
                    rewritten, scans, indexes, validated);
            if (effect.changedAnything()) effects.add(effect);
        }
        effects.sort(java.util.Comparator.comparing(RelationEffect::relation));
        String version = info.getVersion() != null ? info.getVersion().getVersion() : "";
        return new Observation(info.getScript(), version, transactional, effects);
    }

    private static Map<Long, Set<String>> heldLocks(Connection c) throws SQLException {
        Map<Long, Set<String>> m = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT relation, mode FROM pg_locks WHERE pid = pg_backend_pid()"
                     + " AND locktype = 'relation' AND granted")) {
            while (r.next()) m.computeIfAbsent(r.getLong(1), k -> new HashSet<>()).add(r.getString(2));
        }
        return m;
    }
}
