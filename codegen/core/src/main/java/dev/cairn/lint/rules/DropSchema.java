package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** DROP SCHEMA removes a whole namespace (with CASCADE, every table in it). */
final class DropSchema extends BaseRule {

    DropSchema() {
        super("drop-schema", Severity.ERROR, "destructive",
                "DROP SCHEMA removes a whole namespace (with CASCADE, every table in it).",
                "make sure it is empty and unused, then acknowledge with -- lint:ignore drop-schema reason: <why>");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.Drop d && d.objectType().equals("schema")) {
            context.report("DROP SCHEMA " + d.name() + " removes everything in it");
        }
    }
}
