package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** ADD CONSTRAINT fails when the constraint exists (PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS). */
final class NotIdempotentAddConstraint extends BaseRule {

    NotIdempotentAddConstraint() {
        super("not-idempotent-add-constraint", Severity.OFF, "not-idempotent",
                "ADD CONSTRAINT fails when the constraint exists (PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS).",
                "precede it in the same file with ALTER TABLE t DROP CONSTRAINT IF EXISTS c");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.AddConstraint a && !context.duplicateGuarded()
                && (a.name() == null || !context.droppedIfExistsBefore(a.table(), a.name()))) {
            context.report("ADD CONSTRAINT " + orUnnamed(a.name()) + " is not preceded by DROP CONSTRAINT IF EXISTS in this file");
        }
    }
}
