package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** DROP COLUMN deletes the column's data and breaks every reader (and jOOQ class) that still names it. */
final class DropColumn extends BaseRule {

    DropColumn() {
        super("drop-column", Severity.ERROR, "destructive",
                "DROP COLUMN deletes the column's data and breaks every reader (and jOOQ class) that still names it.",
                "stop reading and writing the column first (deploy), then drop it and acknowledge with -- lint:ignore drop-column reason: <why>");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.DropColumn d) {
            context.report("DROP COLUMN " + d.table() + "." + d.column() + " deletes its data");
        }
    }
}
