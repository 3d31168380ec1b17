package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** DELETE on an existing table removes rows that no later migration (nor its undo) can bring back. */
final class DeleteRows extends BaseRule {

    DeleteRows() {
        super("delete-rows", Severity.ERROR, "destructive",
                "DELETE on an existing table removes rows that no later migration (nor its undo) can bring back.",
                "copy the rows first in the same migration (CREATE TABLE t_deleted AS SELECT * FROM t WHERE <the DELETE's filter>),"
                        + " then acknowledge with -- lint:ignore delete-rows reason: <why these rows may go>");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.DataChange d && d.verb().equals("DELETE") && context.existingTable(d.table())) {
            context.report("DELETE on existing table " + d.table() + (d.filtered() ? " removes rows" : " without WHERE removes every row")
                    + " for good");
        }
    }
}
