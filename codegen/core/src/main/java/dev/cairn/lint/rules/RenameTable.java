package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** RENAME of a table breaks every running reader of the old name at once. */
final class RenameTable extends BaseRule {

    RenameTable() {
        super("rename-table", Severity.ERROR, "destructive",
                "RENAME of a table breaks every running reader of the old name at once.",
                "add a view with the old name, or create the new table and switch readers over; acknowledge with -- lint:ignore rename-table reason: <why>");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.RenameTable r) {
            context.report("RENAME TABLE " + r.table() + " to " + r.newName() + " breaks every reader of the old name");
        }
    }
}
