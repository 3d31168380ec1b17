package dev.cairn.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One schema as PostgreSQL's own catalog describes it, read once into plain values so two databases
 * can be compared after their connections are gone. Names are unqualified: the same migrations in
 * schema {@code public} of one server and {@code app} of another compare equal. Column order is left
 * out on purpose (ALTER TABLE ADD COLUMN cannot place a column, so order is not drift anyone can fix).
 * Flyway's own history table is not part of the schema.
 */
public record CatalogSnapshot(String schema,
                              SortedMap<String, Table> tables,
                              SortedMap<String, Index> indexes,
                              SortedMap<String, List<String>> enums,
                              SortedMap<String, Sequence> sequences) {

    public static final String FLYWAY_HISTORY = "flyway_schema_history";

    public CatalogSnapshot {
        tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
        indexes = Collections.unmodifiableSortedMap(new TreeMap<>(indexes));
        enums = Collections.unmodifiableSortedMap(new TreeMap<>(enums));
        sequences = Collections.unmodifiableSortedMap(new TreeMap<>(sequences));
    }

    /**
     * @param type       format_type(), e.g. {@code character varying(200)}
     * @param identity   {@code always}, {@code by default} or null
     * @param generated  the expression of a stored generated column, or null
     */
    public record Column(String name, String type, boolean notNull, String defaultExpression, String identity,
                         String generated) {
    }

    public enum ConstraintKind {
        PRIMARY_KEY("primary key"), UNIQUE("unique"), FOREIGN_KEY("foreign key"), CHECK("check"), EXCLUSION("exclusion");

        private final String label;

        ConstraintKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param definition pg_get_constraintdef without a trailing NOT VALID (validity is {@link #validated})
     * @param references referenced table for foreign keys (schema-qualified only when in another schema)
     * @param onDelete   FK action: {@code NO ACTION}, {@code CASCADE}, ... (null for other kinds)
     */
    public record Constraint(String name, ConstraintKind kind, List<String> columns, String references,
                             List<String> referencedColumns, String onDelete, String onUpdate,
                             boolean deferrable, boolean initiallyDeferred, boolean validated, String definition) {
        public Constraint {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }

    public record Table(String name, SortedMap<String, Column> columns, SortedMap<String, Constraint> constraints) {
        public Table {
            columns = Collections.unmodifiableSortedMap(new TreeMap<>(columns));
            constraints = Collections.unmodifiableSortedMap(new TreeMap<>(constraints));
        }
    }

    /**
     * An index that is not the implementation of a constraint (those are reported as constraints).
     *
     * @param keys       columns or expressions, in order, with DESC / NULLS FIRST where given
     * @param include    INCLUDE columns
     * @param predicate  WHERE clause of a partial index, or null
     * @param definition pg_get_indexdef, for people and for DDL
     * @param shape      what makes two indexes the same: the definition after "INDEX name", without the
     *                   schema name pg_get_indexdef puts before the table (so opclasses count too)
     * @param valid      false for what a failed or timed-out CREATE INDEX CONCURRENTLY leaves: an index
     *                   PostgreSQL maintains but never uses (pg_index.indisvalid)
     */
    public record Index(String name, String table, boolean unique, String method, List<String> keys,
                        List<String> include, String predicate, String definition, String shape, boolean valid) {
        public Index {
            keys = List.copyOf(keys);
            include = List.copyOf(include);
        }
    }

    private static String shape(String definition, String schemaIdent) {
        String s = definition.substring(definition.indexOf(" ON ") + 1);
        String qualified = "ON " + (s.startsWith("ON ONLY ") ? "ONLY " : "") + schemaIdent + ".";
        if (s.startsWith(qualified)) s = qualified.substring(0, qualified.length() - schemaIdent.length() - 1) + s.substring(qualified.length());
        return (definition.startsWith("CREATE UNIQUE") ? "UNIQUE " : "") + s;
    }

    /** @param ownedBy {@code table.column} for serial/identity sequences, or null */
    public record Sequence(String name, String dataType, long start, long increment, long min, long max,
                           long cache, boolean cycle, String ownedBy) {
    }

    /** Reads the schema through {@code c}; issues only SELECTs on pg_catalog. */
    public static CatalogSnapshot read(Connection c, String schema) throws SQLException {
        return read(c, schema, FLYWAY_HISTORY);
    }

    /** As {@link #read(Connection, String)}, leaving out Flyway's history table by its configured name. */
    public static CatalogSnapshot read(Connection c, String schema, String historyTable) throws SQLException {
        SortedMap<String, SortedMap<String, Column>> columns = new TreeMap<>();
        SortedMap<String, SortedMap<String, Constraint>> constraints = new TreeMap<>();
        query(c, TABLES, schema, historyTable, rs -> {
            columns.put(rs.getString(1), new TreeMap<>());
            constraints.put(rs.getString(1), new TreeMap<>());
        });
        query(c, COLUMNS, schema, historyTable, rs -> {
            SortedMap<String, Column> t = columns.get(rs.getString("table_name"));
            if (t == null) return;
            String gen = rs.getString("attgenerated");
            String def = rs.getString("default_expr");
            boolean isGenerated = gen != null && !gen.isEmpty();
            String identity = switch (rs.getString("attidentity")) {
                case "a" -> "always";
                case "d" -> "by default";
                default -> null;
            };
            Column col = new Column(rs.getString("column_name"), rs.getString("column_type"), rs.getBoolean("attnotnull"),
                    isGenerated ? null : def, identity, isGenerated ? def : null);
            t.put(col.name(), col);
        });
        query(c, CONSTRAINTS, schema, historyTable, rs -> {
            SortedMap<String, Constraint> t = constraints.get(rs.getString("table_name"));
            if (t == null) return;
            ConstraintKind kind = switch (rs.getString("contype")) {
                case "p" -> ConstraintKind.PRIMARY_KEY;
                case "u" -> ConstraintKind.UNIQUE;
                case "f" -> ConstraintKind.FOREIGN_KEY;
                case "c" -> ConstraintKind.CHECK;
                case "x" -> ConstraintKind.EXCLUSION;
                default -> null; // NOT NULL constraints (PG 18) are covered by Column.notNull
            };
            if (kind == null) return;
            String def = rs.getString("definition");
            if (def.endsWith(" NOT VALID")) def = def.substring(0, def.length() - " NOT VALID".length());
            boolean fk = kind == ConstraintKind.FOREIGN_KEY;
            Constraint con = new Constraint(rs.getString("conname"), kind, strings(rs, "columns"),
                    fk ? rs.getString("ref_table") : null, fk ? strings(rs, "ref_columns") : List.of(),
                    fk ? action(rs.getString("confdeltype")) : null, fk ? action(rs.getString("confupdtype")) : null,
                    rs.getBoolean("condeferrable"), rs.getBoolean("condeferred"), rs.getBoolean("convalidated"), def);
            t.put(con.name(), con);
        });
        SortedMap<String, Table> tables = new TreeMap<>();
        columns.forEach((name, cols) -> tables.put(name, new Table(name, cols, constraints.get(name))));

        SortedMap<String, Index> indexes = new TreeMap<>();
        query(c, INDEXES, schema, historyTable, rs -> {
            List<String> all = strings(rs, "keys");
            int nKeys = rs.getInt("indnkeyatts");
            Index idx = new Index(rs.getString("index_name"), rs.getString("table_name"), rs.getBoolean("indisunique"),
                    rs.getString("method"), all.subList(0, nKeys), all.subList(nKeys, all.size()),
                    rs.getString("predicate"), rs.getString("definition"),
                    shape(rs.getString("definition"), rs.getString("schema_ident")), rs.getBoolean("indisvalid"));
            indexes.put(idx.name(), idx);
        });

        SortedMap<String, List<String>> enums = new TreeMap<>();
        query(c, ENUMS, schema, historyTable, rs -> enums.put(rs.getString(1), strings(rs, "labels")));

        SortedMap<String, Sequence> sequences = new TreeMap<>();
        query(c, SEQUENCES, schema, historyTable, rs -> {
            Sequence s = new Sequence(rs.getString("seq_name"), rs.getString("data_type"), rs.getLong("seqstart"),
                    rs.getLong("seqincrement"), rs.getLong("seqmin"), rs.getLong("seqmax"), rs.getLong("seqcache"),
                    rs.getBoolean("seqcycle"), rs.getString("owned_by"));
            sequences.put(s.name(), s);
        });
        return new CatalogSnapshot(schema, tables, indexes, enums, sequences);
    }

    /** Indexes left INVALID by a failed CREATE INDEX CONCURRENTLY, by name. */
    public List<Index> invalidIndexes() {
        return indexes.values().stream().filter(i -> !i.valid()).toList();
    }

    /** What to do about an invalid index, for every command that finds one. */
    public String invalidIndexAdvice(Index i) {
        String name = quote(schema) + "." + quote(i.name());
        return "index " + name + " is INVALID: a CREATE INDEX CONCURRENTLY failed or timed out and left it behind"
                + " (PostgreSQL keeps updating it but never uses it). Drop it with `DROP INDEX CONCURRENTLY " + name
                + ";`, fix the cause, then run migrate again.";
    }

    private static String quote(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_]*") ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** True when nothing differs; shorthand for {@link CatalogDiff#between}. */
    public boolean sameAs(CatalogSnapshot other) {
        return CatalogDiff.between(this, other).isEmpty();
    }

    private static String action(String code) {
        return switch (code) {
            case "a" -> "NO ACTION";
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> code;
        };
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        java.sql.Array a = rs.getArray(column);
        if (a == null) return List.of();
        Object[] values = (Object[]) a.getArray();
        return List.copyOf(Arrays.stream(values).map(String::valueOf).toList());
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String schema, String historyTable, RowHandler handler)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, historyTable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) handler.row(rs);
            }
        }
    }

    // Every query takes (schema, excluded table) as parameters 1 and 2.

    private static final String TABLES = """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname <> ? AND NOT c.relispartition
            """;

    private static final String COLUMNS = """
            SELECT c.relname AS table_name, a.attname AS column_name,
                   format_type(a.atttypid, a.atttypmod) AS column_type, a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity::text, a.attgenerated::text
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = ? AND c.relname <> ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            """;

    private static final String CONSTRAINTS = """
            SELECT c.relname AS table_name, k.conname, k.contype::text,
                   ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i)::text[] AS columns,
                   CASE WHEN rn.nspname = n.nspname THEN r.relname ELSE rn.nspname || '.' || r.relname END AS ref_table,
                   ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
                         JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i)::text[] AS ref_columns,
                   k.confdeltype::text, k.confupdtype::text, k.condeferrable, k.condeferred, k.convalidated,
                   pg_get_constraintdef(k.oid, true) AS definition
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class r ON r.oid = k.confrelid
            LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
            WHERE n.nspname = ? AND c.relname <> ?
            """;

    // Indexes that implement a constraint (primary key, unique, exclusion) are left to CONSTRAINTS.
    private static final String INDEXES = """
            SELECT ic.relname AS index_name, tc.relname AS table_name, i.indisunique, am.amname AS method,
                   i.indnkeyatts,
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
                                || CASE WHEN k > i.indnkeyatts THEN ''
                                        WHEN i.indoption[k - 1] & 3 = 3 THEN ' DESC'
                                        WHEN i.indoption[k - 1] & 3 = 1 THEN ' DESC NULLS LAST'
                                        WHEN i.indoption[k - 1] & 3 = 2 THEN ' NULLS FIRST' ELSE '' END
                         FROM generate_series(1, i.indnatts) k)::text[] AS keys,
                   pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
                   pg_get_indexdef(i.indexrelid) AS definition,
                   quote_ident(n.nspname) AS schema_ident, i.indisvalid
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_class tc ON tc.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = tc.relnamespace
            JOIN pg_am am ON am.oid = ic.relam
            WHERE n.nspname = ? AND tc.relname <> ? AND tc.relkind IN ('r', 'p', 'm')
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
            """;

    private static final String ENUMS = """
            SELECT t.typname, ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid
                                    ORDER BY e.enumsortorder)::text[] AS labels
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = ? AND t.typtype = 'e' AND t.typname <> ?
            """;

    private static final String SEQUENCES = """
            SELECT c.relname AS seq_name, format_type(s.seqtypid, NULL) AS data_type, s.seqstart, s.seqincrement,
                   s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   (SELECT tc.relname || '.' || a.attname FROM pg_depend d
                      JOIN pg_class tc ON tc.oid = d.refobjid
                      JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                     WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
                       AND d.deptype = 'a' LIMIT 1) AS owned_by
            FROM pg_sequence s
            JOIN pg_class c ON c.oid = s.seqrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname <> ?
              -- identity sequences belong to their column (Column.identity), not to the schema's sequences
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                                         AND d.deptype = 'i')
            """;
}
