package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** ADD COLUMN on an existing table writes every row under ACCESS EXCLUSIVE when its DEFAULT is volatile (random(), gen_random_uuid(), clock_timestamp(), a user function), when it is GENERATED ... STORED, or before PostgreSQL 11 when it has any DEFAULT. */
final class AddColumnRewrite extends BaseRule {

    AddColumnRewrite() {
        super("add-column-rewrite", Severity.ERROR, null,
                "ADD COLUMN on an existing table writes every row under ACCESS EXCLUSIVE when its DEFAULT is volatile (random(), gen_random_uuid(), clock_timestamp(), a user function), when it is GENERATED ... STORED, or before PostgreSQL 11 when it has any DEFAULT.",
                "add the column without the default (or with a constant one from PostgreSQL 11 on), SET DEFAULT for new rows, and backfill old rows in batches in db/data");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (!(change instanceof Change.AddColumn a) || !context.existingTable(a.table()) || a.generatedSequence()) return;
        String why = a.defaultKind() == Change.DefaultKind.VOLATILE ? "a volatile DEFAULT is evaluated for every row"
                : a.storedGenerated() ? "a STORED generated column is computed for every row"
                : a.defaultKind() == Change.DefaultKind.NON_VOLATILE && context.postgresMajor() < 11
                        ? "before PostgreSQL 11 any DEFAULT is written to every row" : null;
        if (why != null) {
            context.report("ADD COLUMN " + a.column() + " rewrites existing table " + a.table() + " under ACCESS EXCLUSIVE: " + why);
        }
    }
}
