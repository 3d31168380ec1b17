package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** SET NOT NULL on an existing table scans every row under ACCESS EXCLUSIVE, unless a validated CHECK (col IS NOT NULL) already proves it (PostgreSQL 12+). */
final class SetNotNullWithoutCheck extends BaseRule {

    SetNotNullWithoutCheck() {
        super("set-not-null-without-check", Severity.ERROR, null,
                "SET NOT NULL on an existing table scans every row under ACCESS EXCLUSIVE, unless a validated CHECK (col IS NOT NULL) already proves it (PostgreSQL 12+).",
                "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT c in a later version, then SET NOT NULL (and DROP CONSTRAINT c)");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.SetNotNull s && context.existingTable(s.table())
                && !(context.postgresMajor() >= 12 && context.notNullProvenByCheck(s.table(), s.column()))) {
            context.report("SET NOT NULL on " + s.table() + "." + s.column() + " scans the table under ACCESS EXCLUSIVE"
                    + (context.postgresMajor() >= 12 ? " (no validated CHECK (" + s.column() + " IS NOT NULL) before it)"
                    : " (PostgreSQL " + context.postgresMajor() + " always scans)"));
        }
    }
}
