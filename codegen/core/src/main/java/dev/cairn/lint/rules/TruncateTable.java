package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** TRUNCATE of an existing table deletes every row, under ACCESS EXCLUSIVE, for good. */
final class TruncateTable extends BaseRule {

    TruncateTable() {
        super("truncate-table", Severity.ERROR, "destructive",
                "TRUNCATE of an existing table deletes every row, under ACCESS EXCLUSIVE, for good (also checked on the database).",
                "copy the rows first (CREATE TABLE t_before AS TABLE t), or drop the table once nothing reads it;"
                        + " acknowledge with -- lint:ignore truncate-table reason: <why its rows may go>");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.DataChange d && d.verb().equals("TRUNCATE") && context.existingTable(d.table())) {
            context.report("TRUNCATE " + d.table() + " deletes every row of an existing table");
        }
    }
}
