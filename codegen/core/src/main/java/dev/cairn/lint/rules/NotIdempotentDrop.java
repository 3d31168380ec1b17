package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** DROP TABLE/VIEW/TYPE/SCHEMA/... without IF EXISTS fails when the object is already gone. */
final class NotIdempotentDrop extends BaseRule {

    NotIdempotentDrop() {
        super("not-idempotent-drop", Severity.OFF, "not-idempotent",
                "DROP TABLE/VIEW/TYPE/SCHEMA/... without IF EXISTS fails when the object is already gone.",
                "DROP ... IF EXISTS");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.Drop d && !d.guarded()) {
            context.report("DROP " + upper(d.objectType()) + " " + d.name() + " without IF EXISTS");
        }
    }
}
