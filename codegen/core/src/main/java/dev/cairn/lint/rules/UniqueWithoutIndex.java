package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** ADD UNIQUE or PRIMARY KEY on an existing table builds its index under ACCESS EXCLUSIVE, blocking reads and writes for the whole build. */
final class UniqueWithoutIndex extends BaseRule {

    UniqueWithoutIndex() {
        super("unique-without-index", Severity.ERROR, null,
                "ADD UNIQUE or PRIMARY KEY on an existing table builds its index under ACCESS EXCLUSIVE, blocking reads and writes for the whole build.",
                "CREATE UNIQUE INDEX CONCURRENTLY in its own file first, then ALTER TABLE ... ADD CONSTRAINT c UNIQUE (or PRIMARY KEY) USING INDEX that_index");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.AddConstraint a && (a.kind().equals("unique") || a.kind().equals("primary key"))
                && !a.usingIndex() && context.existingTable(a.table())) {
            context.report("ADD CONSTRAINT " + orUnnamed(a.name()) + " " + upper(a.kind()) + " on existing table " + a.table()
                    + " builds its index under ACCESS EXCLUSIVE");
        }
        if (change instanceof Change.AddColumn a && a.inlineKey() && context.existingTable(a.table())) {
            context.report("ADD COLUMN " + a.column() + " UNIQUE/PRIMARY KEY on existing table " + a.table()
                    + " builds its index under ACCESS EXCLUSIVE");
        }
    }
}
