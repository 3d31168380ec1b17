package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** INSERT/UPDATE/DELETE/MERGE/TRUNCATE/COPY in a schema migration (house rule: data changes go to db/data). */
final class DataChange extends BaseRule {

    DataChange() {
        super("data-change", Severity.OFF, null,
                "INSERT/UPDATE/DELETE/MERGE/TRUNCATE/COPY in a schema migration (house rule: data changes go to db/data).",
                "move the UPDATE/INSERT/DELETE into a data migration under db/data");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.DataChange d && context.schemaMigration()) {
            context.report(d.verb() + (d.table() != null ? " on " + d.table() : "") + " in a schema migration");
        }
    }
}
