package dev.cairn.lint;

import dev.cairn.lint.rules.Rules;
import dev.cairn.migrate.ScriptConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the statement rules ({@link Rules#statementRules()}) on each change of one migration file,
 * given the schema the earlier files left, then brings the schema state forward. The rules judge;
 * this class only reads statements and keeps state.
 */
final class StatementChecker {

    private final JooqStatementReader jooq;
    private final FindingCollector out;
    private final int postgresMajor;

    StatementChecker(JooqStatementReader jooq, FindingCollector out, int postgresMajor) {
        this.jooq = jooq;
        this.out = out;
        this.postgresMajor = postgresMajor;
    }

    /** Per-file facts the rules need besides the global state. */
    private static final class FileScope {
        final Path path;
        final FolderRole dataRole;
        final SchemaState state;
        final int statements;
        final boolean inTransaction;
        final Set<String> createdHere = new HashSet<>();
        final Set<String> indexesCreatedHere = new HashSet<>();
        final Set<String> constraintsDroppedIfExists = new HashSet<>();
        /** The tables of the file's start, as what this file added to and removed from them (no copy per file). */
        private final Set<String> addedHere = new HashSet<>();
        private final Set<String> removedHere = new HashSet<>();
        int unnamedChecks;

        FileScope(Path path, FolderRole dataRole, SchemaState state, int statements) {
            this.path = path;
            this.dataRole = dataRole;
            this.state = state;
            this.statements = statements;
            this.inTransaction = ScriptConfig.of(path).executeInTransaction();
        }

        boolean existing(String table) {
            return table != null && before(table) && !createdHere.contains(table);
        }

        /** Whether the table existed when the file began. */
        private boolean before(String table) {
            return state.tables.contains(table) ? !addedHere.contains(table) : removedHere.contains(table);
        }

        /** Call before {@code table} is added to the state's tables. */
        void adding(String table) {
            if (!state.tables.contains(table) && !removedHere.remove(table)) addedHere.add(table);
        }

        /** Call before {@code table} is removed from the state's tables. */
        void removing(String table) {
            if (state.tables.contains(table) && !addedHere.remove(table)) removedHere.add(table);
        }
    }

    /** One rule's view of one change: where it is, and where its findings go. */
    private final class Context implements RuleContext {
        private final FileScope f;
        private final int line;
        private final boolean duplicateGuarded;
        private final List<Suppression> suppressions;
        private LintRule rule;

        Context(FileScope f, int line, boolean duplicateGuarded, List<Suppression> suppressions) {
            this.f = f;
            this.line = line;
            this.duplicateGuarded = duplicateGuarded;
            this.suppressions = suppressions;
        }

        @Override
        public boolean existingTable(String table) {
            return f.existing(table);
        }

        @Override
        public boolean duplicateGuarded() {
            return duplicateGuarded;
        }

        @Override
        public boolean schemaMigration() {
            return f.dataRole == FolderRole.SCHEMA;
        }

        @Override
        public int postgresMajor() {
            return postgresMajor;
        }

        @Override
        public int statementsInFile() {
            return f.statements;
        }

        @Override
        public ColumnType columnType(String table, String column) {
            return f.state.columnType(table, column);
        }

        @Override
        public boolean runsInTransaction() {
            return f.inTransaction;
        }

        @Override
        public boolean droppedIfExistsBefore(String table, String constraint) {
            return f.constraintsDroppedIfExists.contains(table + "/" + constraint);
        }

        @Override
        public String tableOfIndex(String index) {
            return f.state.indexTables.get(index);
        }

        @Override
        public boolean indexOnExistingTable(String index) {
            String table = f.state.indexTables.get(index);
            // an index none of the migrations created was made outside them, on a table that may be big
            return table == null ? !f.indexesCreatedHere.contains(index) : f.existing(table);
        }

        @Override
        public boolean notNullProvenByCheck(String table, String column) {
            return f.state.notNullProven(table, column);
        }

        @Override
        public void report(String message) {
            out.add(f.path, line, rule, message, suppressions);
        }
    }

    /**
     * @param dataRole SCHEMA or DATA: whether data changes belong here (an undo script takes the
     *                 role of the version it reverses)
     */
    void check(Path path, SqlScript script, FolderRole dataRole, SchemaState state) {
        List<SqlStatement> statements = script.statements();
        FileScope f = new FileScope(path, dataRole, state, statements.size());
        for (SqlStatement s : statements) {
            List<Suppression> suppressions = Suppression.in(s.leadingComments());
            if (DoBlock.startsDo(s)) {
                checkDoBlock(f, s, suppressions);
                continue;
            }
            for (Change c : read(f, s, suppressions)) apply(f, s.line(), c, false, suppressions);
        }
    }

    private List<Change> read(FileScope f, SqlStatement s, List<Suppression> suppressions) {
        JooqStatementReader.Result r = jooq.read(s);
        if (r.changes().isPresent()) return r.changes().get();
        out.add(f.path, s.line(), Rules.PARSE_FALLBACK,
                "statement not understood by jOOQ's parser; checked by keywords (jOOQ: " + shorten(r.failure()) + ")",
                suppressions);
        return KeywordStatementReader.read(s.tokens());
    }

    private void checkDoBlock(FileScope f, SqlStatement s, List<Suppression> outer) {
        DoBlock block = DoBlock.of(s).orElse(null);
        if (block == null) {
            out.add(f.path, s.line(), Rules.PARSE_FALLBACK, "DO statement without a dollar-quoted body; not checked", outer);
            return;
        }
        if (block.procedural()) {
            out.add(f.path, s.line(), Rules.PARSE_FALLBACK,
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
        Context context = new Context(f, line, duplicateGuarded, sup);
        for (StatementRule rule : Rules.statementRules()) {
            context.rule = rule;
            rule.check(change, context);
        }
        advance(f, change);
    }

    /** What the change leaves behind for the statements after it. */
    private static void advance(FileScope f, Change change) {
        SchemaState state = f.state;
        switch (change) {
            case Change.Create c when c.objectType().equals("table") && c.name() != null -> {
                f.adding(c.name());
                state.addTable(c.name());
                f.createdHere.add(c.name());
                c.columns().forEach((column, type) -> state.setColumnType(c.name(), column, type));
            }
            case Change.AddColumn a -> state.setColumnType(a.table(), a.column(), a.type());
            case Change.AlterColumnType a -> state.setColumnType(a.table(), a.column(), a.type());
            case Change.DropColumn d -> state.dropColumn(d.table(), d.column());
            case Change.RenameColumn r -> state.renameColumn(r.table(), r.column(), r.newName());
            case Change.Drop d when d.objectType().equals("table") -> {
                f.removing(d.name());
                state.dropTable(d.name());
                f.createdHere.remove(d.name());
            }
            case Change.CreateIndex c when c.name() != null -> {
                state.addIndex(c.name(), c.table());
                f.indexesCreatedHere.add(c.name());
            }
            case Change.DropIndex d -> state.dropIndex(d.name());
            case Change.AddConstraint a when a.notNullColumn() != null -> state.addNotNullCheck(a.table(),
                    a.name() != null ? a.name() : "(unnamed " + (++f.unnamedChecks) + ")", a.notNullColumn(), !a.notValid());
            case Change.ValidateConstraint v -> state.validate(v.table(), v.name());
            case Change.DropConstraint d -> {
                if (d.ifExists()) f.constraintsDroppedIfExists.add(d.table() + "/" + d.name());
                state.dropConstraint(d.table(), d.name());
            }
            case Change.RenameTable r -> {
                if (state.tables.contains(r.table())) {
                    f.removing(r.table());
                    f.adding(r.newName());
                }
                state.renameTable(r.table(), r.newName());
                if (f.createdHere.remove(r.table())) f.createdHere.add(r.newName());
            }
            default -> {
            }
        }
    }

    private static String shorten(String s) {
        if (s == null) return "";
        return s.length() <= 90 ? s : s.substring(0, 87) + "...";
    }
}
