package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** CREATE TABLE without IF NOT EXISTS fails when the script runs a second time. */
final class NotIdempotentCreateTable extends BaseRule {

    NotIdempotentCreateTable() {
        super("not-idempotent-create-table", Severity.OFF, "not-idempotent",
                "CREATE TABLE without IF NOT EXISTS fails when the script runs a second time.",
                "CREATE TABLE IF NOT EXISTS");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.Create c && c.objectType().equals("table") && !c.guarded() && !context.duplicateGuarded()) {
            context.report("CREATE TABLE " + c.name() + " without IF NOT EXISTS");
        }
    }
}
