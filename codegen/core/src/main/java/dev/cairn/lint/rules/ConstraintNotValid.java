package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** ADD CONSTRAINT FOREIGN KEY or CHECK on an existing table without NOT VALID checks every row while it blocks writes. */
final class ConstraintNotValid extends BaseRule {

    ConstraintNotValid() {
        super("constraint-not-valid", Severity.ERROR, null,
                "ADD CONSTRAINT FOREIGN KEY or CHECK on an existing table without NOT VALID checks every row while it blocks writes.",
                "add the constraint NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later version");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.AddConstraint a && (a.kind().equals("foreign key") || a.kind().equals("check"))
                && !a.notValid() && !a.onNewNullColumn() && context.existingTable(a.table())) {
            context.report("ADD CONSTRAINT " + orUnnamed(a.name()) + " " + upper(a.kind()) + " on existing table " + a.table()
                    + " without NOT VALID scans it under lock");
        }
    }
}
