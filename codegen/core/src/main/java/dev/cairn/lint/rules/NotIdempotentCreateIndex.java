package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** CREATE INDEX without IF NOT EXISTS fails when the script runs a second time. */
final class NotIdempotentCreateIndex extends BaseRule {

    NotIdempotentCreateIndex() {
        super("not-idempotent-create-index", Severity.OFF, "not-idempotent",
                "CREATE INDEX without IF NOT EXISTS fails when the script runs a second time.",
                "CREATE INDEX [CONCURRENTLY] IF NOT EXISTS name ON ...");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.CreateIndex c && !c.ifNotExists() && !context.duplicateGuarded()) {
            context.report("CREATE INDEX " + orUnnamed(c.name()) + " without IF NOT EXISTS");
        }
    }
}
