package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** DROP TABLE deletes the table and its rows, and breaks every reader of it. */
final class DropTable extends BaseRule {

    DropTable() {
        super("drop-table", Severity.ERROR, "destructive",
                "DROP TABLE deletes the table and its rows, and breaks every reader of it.",
                "make sure nothing still reads it, then acknowledge with -- lint:ignore drop-table reason: <why>");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.Drop d && d.objectType().equals("table")) {
            context.report("DROP TABLE " + d.name() + " deletes the table and its rows");
        }
    }
}
