package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** ALTER DOMAIN ... ADD CONSTRAINT checks every column of that domain in every table, under locks that block writes. */
final class AlterDomainAddConstraint extends BaseRule {

    AlterDomainAddConstraint() {
        super("alter-domain-add-constraint", Severity.ERROR, null,
                "ALTER DOMAIN ... ADD CONSTRAINT checks every column of that domain in every table, under locks that block writes.",
                "ADD CONSTRAINT ... NOT VALID, then ALTER DOMAIN ... VALIDATE CONSTRAINT in a later version");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.AlterDomainAddConstraint a && !a.notValid()) {
            context.report("ALTER DOMAIN " + a.domain() + " ADD CONSTRAINT " + orUnnamed(a.name())
                    + " checks every use of the domain while it blocks writes");
        }
    }
}
