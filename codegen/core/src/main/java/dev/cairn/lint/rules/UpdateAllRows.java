package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** UPDATE without WHERE on an existing table overwrites every row's old values, in one long transaction. */
final class UpdateAllRows extends BaseRule {

    UpdateAllRows() {
        super("update-all-rows", Severity.ERROR, "destructive",
                "UPDATE without WHERE on an existing table overwrites every row's old values, in one transaction that locks every row.",
                "name the rows to change (a backfill: WHERE new_column IS NULL, in batches in db/data);"
                        + " acknowledge with -- lint:ignore update-all-rows reason: <why every row may change>");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.DataChange d && d.verb().equals("UPDATE") && !d.filtered() && context.existingTable(d.table())) {
            context.report("UPDATE " + d.table() + " without WHERE overwrites every row of an existing table");
        }
    }
}
