package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** DROP COLUMN without IF EXISTS fails when the column is already gone. */
final class NotIdempotentDropColumn extends BaseRule {

    NotIdempotentDropColumn() {
        super("not-idempotent-drop-column", Severity.OFF, "not-idempotent",
                "DROP COLUMN without IF EXISTS fails when the column is already gone.",
                "ALTER TABLE t DROP COLUMN IF EXISTS c");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.DropColumn d && !d.ifExists()) {
            context.report("DROP COLUMN " + d.column() + " without IF EXISTS");
        }
    }
}
