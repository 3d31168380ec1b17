package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** DROP CONSTRAINT without IF EXISTS fails when the constraint is already gone. */
final class NotIdempotentDropConstraint extends BaseRule {

    NotIdempotentDropConstraint() {
        super("not-idempotent-drop-constraint", Severity.OFF, "not-idempotent",
                "DROP CONSTRAINT without IF EXISTS fails when the constraint is already gone.",
                "ALTER TABLE t DROP CONSTRAINT IF EXISTS c");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.DropConstraint d && !d.ifExists()) {
            context.report("DROP CONSTRAINT " + d.name() + " without IF EXISTS");
        }
    }
}
