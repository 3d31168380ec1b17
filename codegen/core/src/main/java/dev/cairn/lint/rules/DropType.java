package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** DROP TYPE or DROP DOMAIN removes a type that columns and functions may use (with CASCADE, it drops those columns). */
final class DropType extends BaseRule {

    DropType() {
        super("drop-type", Severity.ERROR, "destructive",
                "DROP TYPE or DROP DOMAIN removes a type that columns and functions may use (with CASCADE, it drops those columns).",
                "make sure no column or function uses it, then acknowledge with -- lint:ignore drop-type reason: <why>");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.Drop d && (d.objectType().equals("type") || d.objectType().equals("domain"))) {
            context.report("DROP " + upper(d.objectType()) + " " + d.name() + " removes a type columns may use");
        }
    }
}
