package dev.cairn.lint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the statements of one migration file against the statement rules, given the tables that
 * existed before it, and brings the schema state forward.
 */
final class StatementChecker {

    /** CREATE kinds that must say IF NOT EXISTS (or OR REPLACE, or sit in a duplicate-guarded DO block). */
    private static final Set<String> MUST_BE_GUARDED = Set.of("table", "sequence", "view", "materialized view",
            "schema", "extension", "type", "domain", "function", "procedure");

    private final JooqStatementReader jooq;
    private final FindingCollector out;

    StatementChecker(JooqStatementReader jooq, FindingCollector out) {
        this.jooq = jooq;
        this.out = out;
    }

    /** Per-file facts the rules need besides the global state. */
    private static final class FileScope {
        final Path path;
        final FolderRole dataRole;
        final Set<String> tablesBefore;
        final SchemaState state;
        final Set<String> createdHere = new HashSet<>();
        final Set<String> indexesCreatedHere = new HashSet<>();
        final Set<String> constraintsDroppedIfExists = new HashSet<>();

        FileScope(Path path, FolderRole dataRole, SchemaState state) {
            this.path = path;
            this.dataRole = dataRole;
            this.state = state;
            this.tablesBefore = Set.copyOf(state.tables);
        }

        /** Existed before this file and was not (re)created in it: may hold rows, may be in use. */
        boolean existing(String table) {
            return table != null && tablesBefore.contains(table) && !createdHere.contains(table);
        }
    }

    /**
     * @param dataRole SCHEMA or DATA: whether data changes belong here (an undo script takes the
     *                 role of the version it reverses)
     */
    void check(Path path, SqlScript script, FolderRole dataRole, SchemaState state) {
        FileScope f = new FileScope(path, dataRole, state);
        List<SqlStatement> statements = script.statements();
        for (SqlStatement s : statements) {
            List<Suppression> suppressions = Suppression.in(s.leadingComments());
            if (DoBlock.startsDo(s)) {
                checkDoBlock(f, s, suppressions);
                continue;
            }
            List<Change> changes = read(f, s, suppressions);
            boolean concurrent = changes.stream().anyMatch(c -> c instanceof Change.CreateIndex ci && ci.concurrently()
                    || c instanceof Change.DropIndex di && di.concurrently());
            if (concurrent && statements.size() > 1) {
                out.add(path, s.line(), Rule.CONCURRENTLY_NOT_ALONE,
                        "CONCURRENTLY index statement shares its file with " + (statements.size() - 1) + " other statement(s)",
                        suppressions);
            }
            for (Change c : changes) apply(f, s.line(), c, false, suppressions);
        }
    }

    private List<Change> read(FileScope f, SqlStatement s, List<Suppression> suppressions) {
        JooqStatementReader.Result r = jooq.read(s);
        if (r.changes().isPresent()) return r.changes().get();
        out.add(f.path, s.line(), Rule.PARSE_FALLBACK,
                "statement not understood by jOOQ's parser; checked by keywords (jOOQ: " + shorten(r.failure()) + ")",
                suppressions);
        return KeywordStatementReader.read(s.tokens());
    }

    private void checkDoBlock(FileScope f, SqlStatement s, List<Suppression> outer) {
        DoBlock block = DoBlock.of(s).orElse(null);
        if (block == null) {
            out.add(f.path, s.line(), Rule.PARSE_FALLBACK, "DO statement without a dollar-quoted body; not checked", outer);
            return;
        }
        if (block.procedural()) {
            out.add(f.path, s.line(), Rule.PARSE_FALLBACK,
                    "DO block with procedural code; only its plain SQL statements were checked, by keywords", outer);
        }
        for (SqlStatement inner : block.statements()) {
            List<Suppression> suppressions = new ArrayList<>(outer);
            suppressions.addAll(Suppression.in(inner.leadingComments()));
            List<Change> changes = block.procedural() ? KeywordStatementReader.read(inner.tokens()) : read(f, inner, suppressions);
            for (Change c : changes) apply(f, inner.line(), c, block.duplicateGuarded(), suppressions);
        }
    }

    private void apply(FileScope f, int line, Change change, boolean duplicateGuarded, List<Suppression> sup) {
        Path p = f.path;
        switch (change) {
            case Change.Create c -> {
                if (MUST_BE_GUARDED.contains(c.objectType()) && !c.guarded() && !duplicateGuarded) {
                    out.add(p, line, Rule.NOT_IDEMPOTENT, "CREATE " + upper(c.objectType()) + " " + c.name()
                            + (c.objectType().equals("type") ? " fails when the type exists" : " without IF NOT EXISTS"), sup);
                }
                if (c.objectType().equals("table") && c.name() != null) {
                    f.state.tables.add(c.name());
                    f.createdHere.add(c.name());
                }
            }
            case Change.Drop d -> {
                if (!d.guarded()) out.add(p, line, Rule.NOT_IDEMPOTENT, "DROP " + upper(d.objectType()) + " " + d.name() + " without IF EXISTS", sup);
                if (d.objectType().equals("table")) {
                    out.add(p, line, Rule.DESTRUCTIVE, "DROP TABLE " + d.name() + " deletes the table and its rows", sup);
                    f.state.dropTable(d.name());
                    f.createdHere.remove(d.name());
                }
            }
            case Change.CreateIndex c -> {
                if (!c.ifNotExists() && !duplicateGuarded) {
                    out.add(p, line, Rule.NOT_IDEMPOTENT, "CREATE INDEX " + orUnnamed(c.name()) + " without IF NOT EXISTS", sup);
                }
                if (!c.concurrently() && f.existing(c.table())) {
                    out.add(p, line, Rule.INDEX_NOT_CONCURRENT, "CREATE INDEX " + orUnnamed(c.name()) + " on existing table "
                            + c.table() + " without CONCURRENTLY blocks writes while it builds", sup);
                }
                if (c.name() != null) {
                    f.state.indexTables.put(c.name(), c.table());
                    f.indexesCreatedHere.add(c.name());
                }
            }
            case Change.DropIndex d -> {
                if (!d.ifExists()) out.add(p, line, Rule.NOT_IDEMPOTENT, "DROP INDEX " + d.name() + " without IF EXISTS", sup);
                String table = f.state.indexTables.get(d.name());
                boolean onExisting = table == null ? !f.indexesCreatedHere.contains(d.name()) : f.existing(table);
                if (!d.concurrently() && onExisting) {
                    out.add(p, line, Rule.INDEX_NOT_CONCURRENT, "DROP INDEX " + d.name() + " on existing table "
                            + (table != null ? table : "(created outside these migrations)") + " without CONCURRENTLY blocks it", sup);
                }
                f.state.indexTables.remove(d.name());
            }
            case Change.AddColumn a -> {
                if (!a.ifNotExists()) out.add(p, line, Rule.NOT_IDEMPOTENT, "ADD COLUMN " + a.column() + " without IF NOT EXISTS", sup);
                if (a.notNull() && !a.hasDefault() && f.existing(a.table())) {
                    out.add(p, line, Rule.NOT_NULL_WITHOUT_DEFAULT, "ADD COLUMN " + a.column() + " NOT NULL without DEFAULT on existing table "
                            + a.table() + " fails when it has rows", sup);
                }
            }
            case Change.DropColumn d -> {
                if (!d.ifExists()) out.add(p, line, Rule.NOT_IDEMPOTENT, "DROP COLUMN " + d.column() + " without IF EXISTS", sup);
                out.add(p, line, Rule.DESTRUCTIVE, "DROP COLUMN " + d.table() + "." + d.column() + " deletes its data", sup);
            }
            case Change.AlterColumnType a -> out.add(p, line, Rule.COLUMN_TYPE_CHANGED,
                    "ALTER COLUMN " + a.table() + "." + a.column() + " TYPE may rewrite the table and breaks readers of the old type", sup);
            case Change.AddConstraint a -> {
                boolean guarded = a.name() != null && f.constraintsDroppedIfExists.contains(a.table() + "/" + a.name());
                if (!guarded && !duplicateGuarded) {
                    out.add(p, line, Rule.NOT_IDEMPOTENT, "ADD CONSTRAINT " + orUnnamed(a.name())
                            + " is not preceded by DROP CONSTRAINT IF EXISTS in this file", sup);
                }
                if ((a.kind().equals("foreign key") || a.kind().equals("check")) && !a.notValid() && f.existing(a.table())) {
                    out.add(p, line, Rule.CONSTRAINT_NOT_VALID, "ADD CONSTRAINT " + orUnnamed(a.name()) + " " + upper(a.kind())
                            + " on existing table " + a.table() + " without NOT VALID scans it under lock", sup);
                }
            }
            case Change.DropConstraint d -> {
                if (d.ifExists()) f.constraintsDroppedIfExists.add(d.table() + "/" + d.name());
                else out.add(p, line, Rule.NOT_IDEMPOTENT, "DROP CONSTRAINT " + d.name() + " without IF EXISTS", sup);
            }
            case Change.RenameTable r -> {
                out.add(p, line, Rule.DESTRUCTIVE, "RENAME TABLE " + r.table() + " to " + r.newName() + " breaks every reader of the old name", sup);
                f.state.renameTable(r.table(), r.newName());
                if (f.createdHere.remove(r.table())) f.createdHere.add(r.newName());
            }
            case Change.RenameColumn r -> out.add(p, line, Rule.DESTRUCTIVE, "RENAME COLUMN " + r.table() + "." + r.column()
                    + " to " + r.newName() + " breaks every reader of the old name", sup);
            case Change.DataChange d -> {
                if (f.dataRole == FolderRole.SCHEMA) {
                    out.add(p, line, Rule.DATA_CHANGE, d.verb() + (d.table() != null ? " on " + d.table() : "")
                            + " in a schema migration", sup);
                }
            }
        }
    }

    private static String upper(String s) {
        return s.toUpperCase(java.util.Locale.ROOT);
    }

    private static String orUnnamed(String name) {
        return name != null ? name : "(unnamed)";
    }

    private static String shorten(String s) {
        if (s == null) return "";
        return s.length() <= 90 ? s : s.substring(0, 87) + "...";
    }
}
