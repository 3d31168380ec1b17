package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** ALTER COLUMN ... TYPE rewrites the table under ACCESS EXCLUSIVE (for most type changes) and breaks readers of the old type. */
final class ColumnTypeChanged extends BaseRule {

    ColumnTypeChanged() {
        super("column-type-changed", Severity.WARNING, null,
                "ALTER COLUMN ... TYPE rewrites the table under ACCESS EXCLUSIVE (for most type changes) and breaks readers of the old type.",
                "add a new column, backfill it in db/data and switch readers over; a type change rewrites the table under an exclusive lock");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.AlterColumnType a) {
            context.report("ALTER COLUMN " + a.table() + "." + a.column() + " TYPE may rewrite the table and breaks readers of the old type");
        }
    }
}
