package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** RENAME COLUMN breaks every running reader of the old name at once. */
final class RenameColumn extends BaseRule {

    RenameColumn() {
        super("rename-column", Severity.ERROR, "destructive",
                "RENAME COLUMN breaks every running reader of the old name at once.",
                "add the new column, write both, switch readers, then drop the old one; or acknowledge with -- lint:ignore rename-column reason: <why>");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.RenameColumn r) {
            context.report("RENAME COLUMN " + r.table() + "." + r.column() + " to " + r.newName() + " breaks every reader of the old name");
        }
    }
}
