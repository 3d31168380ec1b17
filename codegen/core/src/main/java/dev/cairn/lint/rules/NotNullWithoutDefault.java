package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** ADD COLUMN ... NOT NULL without a DEFAULT on an existing table fails as soon as the table has a row. */
final class NotNullWithoutDefault extends BaseRule {

    NotNullWithoutDefault() {
        super("not-null-without-default", Severity.ERROR, null,
                "ADD COLUMN ... NOT NULL without a DEFAULT on an existing table fails as soon as the table has a row.",
                "add a DEFAULT, or add the column nullable, backfill it in db/data, then SET NOT NULL in a later version");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.AddColumn a && a.notNull() && !a.hasDefault() && context.existingTable(a.table())) {
            context.report("ADD COLUMN " + a.column() + " NOT NULL without DEFAULT on existing table " + a.table() + " fails when it has rows");
        }
    }
}
