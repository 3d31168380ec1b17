package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.ColumnType;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** ALTER COLUMN ... TYPE on an existing table rewrites it under ACCESS EXCLUSIVE and breaks readers of the old type, unless it only widens the type. */
final class ColumnTypeChanged extends BaseRule {

    ColumnTypeChanged() {
        super("column-type-changed", Severity.WARNING, null,
                "ALTER COLUMN ... TYPE on an existing table rewrites it under ACCESS EXCLUSIVE and breaks readers of the old type,"
                        + " except a widening (varchar(n) to a longer varchar or text, numeric(p,s) to a larger p at the same s, varbit(n) to a longer varbit).",
                "add a new column, backfill it in db/data and switch readers over; a type change rewrites the table under an exclusive lock");
    }

    @Override
    public void check(Change change, RuleContext context) {
        // A table of this file has no rows nor readers yet; a widening changes the catalog alone.
        if (change instanceof Change.AlterColumnType a && context.existingTable(a.table()) && !widening(a, context)) {
            context.report("ALTER COLUMN " + a.table() + "." + a.column() + " TYPE may rewrite the table and breaks readers of the old type");
        }
    }

    private static boolean widening(Change.AlterColumnType a, RuleContext context) {
        ColumnType from = context.columnType(a.table(), a.column());
        return a.plain() && from != null && a.type() != null && from.widensTo(a.type());
    }
}
