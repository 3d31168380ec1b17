package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** ADD COLUMN without IF NOT EXISTS fails when the column exists. */
final class NotIdempotentAddColumn extends BaseRule {

    NotIdempotentAddColumn() {
        super("not-idempotent-add-column", Severity.OFF, "not-idempotent",
                "ADD COLUMN without IF NOT EXISTS fails when the column exists.",
                "ALTER TABLE t ADD COLUMN IF NOT EXISTS c ...");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.AddColumn a && !a.ifNotExists()) {
            context.report("ADD COLUMN " + a.column() + " without IF NOT EXISTS");
        }
    }
}
