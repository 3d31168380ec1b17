package dev.cairn.catalog;

import dev.cairn.catalog.CatalogSnapshot.Column;
import dev.cairn.catalog.CatalogSnapshot.Constraint;
import dev.cairn.catalog.CatalogSnapshot.Index;
import dev.cairn.catalog.CatalogSnapshot.Sequence;
import dev.cairn.catalog.CatalogSnapshot.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one DDL writer: the statements that turn one catalog into another, written from PostgreSQL's
 * own catalog (the same snapshots {@link CatalogDiff} compares), so that applying them makes the
 * next diff empty. drift prints them as the repair of a live database (live -> expected); undo
 * suggests them for a migration without an undo script (version n -> n-1). jOOQ's schema diff used to write most of it and did not
 * converge: it recreated a serial's sequence, gave an identity column a default, rewrote now() as a
 * cast, changed text to an enum without USING and printed some changes twice.
 *
 * <p>Statements come in dependency order: types and sequences first, then what is dropped, tables and
 * columns, constraints (foreign keys need every table), indexes, and last what goes away. Index
 * statements use CONCURRENTLY, so each statement must run on its own (autocommit), as psql does.
 * Nothing here is ever executed.
 */
public final class CatalogDdl {

    /** @param source where the statement comes from: {@code catalog} (kept for the JSON report) */
    public record Statement(String sql, String source) {
    }

    private final String schema;
    private final CatalogSnapshot live;
    private final CatalogSnapshot expected;
    private final List<Statement> out = new ArrayList<>();

    private CatalogDdl(CatalogSnapshot live, CatalogSnapshot expected) {
        this.schema = q(expected.schema());
        this.live = live;
        this.expected = expected;
    }

    public static List<Statement> between(CatalogSnapshot live, CatalogSnapshot expected) {
        CatalogDdl r = new CatalogDdl(live, expected);
        r.types();
        r.newSequences();
        r.dropConstraintsAndIndexes();
        r.tablesAndColumns();
        r.sequenceOptions();
        r.addConstraints();
        r.createIndexes();
        r.dropTablesSequencesTypes();
        return List.copyOf(r.out);
    }

    private void add(String sql) {
        out.add(new Statement(sql, "catalog"));
    }

    private void types() {
        expected.enums().forEach((name, values) -> {
            List<String> actual = live.enums().get(name);
            String type = schema + "." + q(name);
            if (actual == null) {
                add("CREATE TYPE " + type + " AS ENUM (" + String.join(", ", values.stream().map(CatalogDdl::literal).toList()) + ")");
                return;
            }
            for (int i = 0; i < values.size(); i++) {
                if (actual.contains(values.get(i))) continue;
                add("ALTER TYPE " + type + " ADD VALUE " + literal(values.get(i))
                        + (i > 0 ? " AFTER " + literal(values.get(i - 1)) : values.size() > 1 ? " BEFORE " + literal(values.get(1)) : ""));
            }
            if (!values.containsAll(actual) || !actual.stream().filter(values::contains).toList()
                    .equals(values.stream().filter(actual::contains).toList())) {
                add("-- enum " + name + ": PostgreSQL cannot drop or reorder enum values; the live values " + actual
                        + " need a new type (CREATE TYPE ..., ALTER COLUMN ... TYPE, DROP TYPE) to become " + values);
            }
        });
    }

    /** Before the tables: a serial column's default names its sequence. OWNED BY follows the table. */
    private void newSequences() {
        for (Sequence e : expected.sequences().values()) {
            if (!live.sequences().containsKey(e.name())) add("CREATE SEQUENCE " + schema + "." + q(e.name()) + options(e));
        }
    }

    private void dropConstraintsAndIndexes() {
        for (Table a : live.tables().values()) {
            Table e = expected.tables().get(a.name());
            if (e == null) continue; // the whole table goes
            for (Constraint ak : a.constraints().values()) {
                Constraint ek = e.constraints().get(ak.name());
                if (ek == null || !same(ek, ak) || (!ek.validated() && ak.validated())) {
                    add("ALTER TABLE " + table(a.name()) + " DROP CONSTRAINT " + q(ak.name()));
                }
            }
        }
        for (Index a : live.indexes().values()) {
            Index e = expected.indexes().get(a.name());
            if (!expected.tables().containsKey(a.table())) continue;
            if (e == null || !e.shape().equals(a.shape()) || !a.valid()) add("DROP INDEX CONCURRENTLY " + schema + "." + q(a.name()));
        }
    }

    private void tablesAndColumns() {
        for (Table e : expected.tables().values()) {
            Table a = live.tables().get(e.name());
            String t = table(e.name());
            if (a == null) {
                List<String> columns = e.columns().values().stream().map(c -> "  " + columnDefinition(c)).toList();
                add("CREATE TABLE " + t + " (\n" + String.join(",\n", columns) + "\n)");
                continue;
            }
            for (Column ac : a.columns().values()) {
                Column ec = e.columns().get(ac.name());
                // A generated column's expression cannot be altered: it is dropped and added again.
                if (ec == null || !Objects.equals(ec.generated(), ac.generated())) add("ALTER TABLE " + t + " DROP COLUMN " + q(ac.name()));
            }
            for (Column ec : e.columns().values()) {
                Column ac = a.columns().get(ec.name());
                if (ac == null || !Objects.equals(ec.generated(), ac.generated())) {
                    add("ALTER TABLE " + t + " ADD COLUMN " + columnDefinition(ec));
                } else {
                    alterColumn(t, ec, ac);
                }
            }
        }
    }

    /** The order matters: a default must go before its type changes, NOT NULL must be there before identity. */
    private void alterColumn(String t, Column e, Column a) {
        String c = "ALTER TABLE " + t + " ALTER COLUMN " + q(e.name());
        boolean typeChanged = !e.type().equals(a.type());
        boolean defaultChanged = !Objects.equals(e.defaultExpression(), a.defaultExpression());
        if (typeChanged) {
            if (a.defaultExpression() != null) add(c + " DROP DEFAULT");
            // USING: text to an enum (and most other changes) has no implicit cast
            add(c + " TYPE " + e.type() + " USING " + q(e.name()) + "::" + e.type());
            if (e.defaultExpression() != null) add(c + " SET DEFAULT " + e.defaultExpression());
        } else if (defaultChanged) {
            add(c + (e.defaultExpression() != null ? " SET DEFAULT " + e.defaultExpression() : " DROP DEFAULT"));
        }
        if (e.notNull() && !a.notNull()) add(c + " SET NOT NULL");
        if (!Objects.equals(e.identity(), a.identity())) {
            if (e.identity() == null) add(c + " DROP IDENTITY");
            else if (a.identity() == null) add(c + " ADD GENERATED " + generatedKind(e) + " AS IDENTITY");
            else add(c + " SET GENERATED " + generatedKind(e));
        }
        if (!e.notNull() && a.notNull()) add(c + " DROP NOT NULL");
    }

    private void sequenceOptions() {
        for (Sequence e : expected.sequences().values()) {
            Sequence a = live.sequences().get(e.name());
            String s = "ALTER SEQUENCE " + schema + "." + q(e.name());
            if (a != null && !sameOptions(a, e)) add(s + options(e));
            if ((a == null && e.ownedBy() != null) || (a != null && !Objects.equals(a.ownedBy(), e.ownedBy()))) {
                add(s + " OWNED BY " + (e.ownedBy() == null ? "NONE" : ownedBy(e.ownedBy())));
            }
        }
    }

    private void addConstraints() {
        for (Table e : expected.tables().values()) {
            Table a = live.tables().get(e.name());
            for (Constraint ek : e.constraints().values()) {
                Constraint ak = a == null ? null : a.constraints().get(ek.name());
                if (ak == null || !same(ek, ak) || (!ek.validated() && ak.validated())) {
                    add("ALTER TABLE " + table(e.name()) + " ADD CONSTRAINT " + q(ek.name()) + " " + ek.definition()
                            + (ek.validated() ? "" : " NOT VALID"));
                } else if (ek.validated() && !ak.validated()) {
                    add("ALTER TABLE " + table(e.name()) + " VALIDATE CONSTRAINT " + q(ek.name()));
                }
            }
        }
    }

    private void createIndexes() {
        for (Index e : expected.indexes().values()) {
            Index a = live.indexes().get(e.name());
            if (a == null || !a.shape().equals(e.shape()) || !a.valid()) add(concurrently(e.definition()));
        }
    }

    private void dropTablesSequencesTypes() {
        for (Table a : live.tables().values()) {
            if (!expected.tables().containsKey(a.name())) add("DROP TABLE " + table(a.name()));
        }
        for (Sequence a : live.sequences().values()) {
            // IF EXISTS: a sequence owned by a dropped table is gone with it
            if (!expected.sequences().containsKey(a.name())) add("DROP SEQUENCE IF EXISTS " + schema + "." + q(a.name()));
        }
        for (String name : live.enums().keySet()) {
            if (!expected.enums().containsKey(name)) add("DROP TYPE " + schema + "." + q(name));
        }
    }

    private static String columnDefinition(Column c) {
        StringBuilder s = new StringBuilder(q(c.name())).append(' ').append(c.type());
        if (c.generated() != null) s.append(" GENERATED ALWAYS AS (").append(c.generated()).append(") STORED");
        if (c.identity() != null) s.append(" GENERATED ").append(generatedKind(c)).append(" AS IDENTITY");
        if (c.defaultExpression() != null) s.append(" DEFAULT ").append(c.defaultExpression());
        if (c.notNull()) s.append(" NOT NULL");
        return s.toString();
    }

    private static String generatedKind(Column c) {
        return "always".equals(c.identity()) ? "ALWAYS" : "BY DEFAULT";
    }

    /** pg_get_indexdef without CONCURRENTLY; a repair on a live table must not block its writers. */
    static String concurrently(String definition) {
        return definition.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ");
    }

    private static boolean same(Constraint e, Constraint a) {
        return e.kind() == a.kind() && e.definition().equals(a.definition());
    }

    private static boolean sameOptions(Sequence a, Sequence e) {
        return a.dataType().equals(e.dataType()) && a.start() == e.start() && a.increment() == e.increment()
                && a.min() == e.min() && a.max() == e.max() && a.cache() == e.cache() && a.cycle() == e.cycle();
    }

    private static String options(Sequence e) {
        return " AS " + e.dataType() + " INCREMENT BY " + e.increment() + " MINVALUE " + e.min() + " MAXVALUE " + e.max()
                + " START WITH " + e.start() + " CACHE " + e.cache() + (e.cycle() ? " CYCLE" : " NO CYCLE");
    }

    private String ownedBy(String tableDotColumn) {
        int dot = tableDotColumn.indexOf('.');
        return table(tableDotColumn.substring(0, dot)) + "." + q(tableDotColumn.substring(dot + 1));
    }

    private String table(String name) {
        return schema + "." + q(name);
    }

    private static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
