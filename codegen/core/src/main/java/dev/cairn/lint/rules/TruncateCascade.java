package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** TRUNCATE ... CASCADE also empties every table that references it, however far the foreign keys reach. */
final class TruncateCascade extends BaseRule {

    TruncateCascade() {
        super("truncate-cascade", Severity.ERROR, null,
                "TRUNCATE ... CASCADE also empties every table that references it, however far the foreign keys reach.",
                "TRUNCATE the tables you mean by name (RESTRICT, the default, refuses when others reference them)");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.DataChange d && d.cascade()) {
            context.report("TRUNCATE " + d.table() + " CASCADE also empties every table that references it");
        }
    }
}
