package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** DROP INDEX without IF EXISTS fails when the index is already gone. */
final class NotIdempotentDropIndex extends BaseRule {

    NotIdempotentDropIndex() {
        super("not-idempotent-drop-index", Severity.OFF, "not-idempotent",
                "DROP INDEX without IF EXISTS fails when the index is already gone.",
                "DROP INDEX [CONCURRENTLY] IF EXISTS name");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.DropIndex d && !d.ifExists()) {
            context.report("DROP INDEX " + d.name() + " without IF EXISTS");
        }
    }
}
