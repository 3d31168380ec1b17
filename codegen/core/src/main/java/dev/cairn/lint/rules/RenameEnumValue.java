package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** ALTER TYPE ... RENAME VALUE: every running writer that still sends the old label fails at once. */
final class RenameEnumValue extends BaseRule {

    RenameEnumValue() {
        super("rename-enum-value", Severity.ERROR, "destructive",
                "ALTER TYPE ... RENAME VALUE makes every running writer that still sends the old label fail at once.",
                "ADD VALUE the new label, deploy writers that send it, move the rows over in db/data, and stop using the old label;"
                        + " acknowledge with -- lint:ignore rename-enum-value reason: <why no writer sends it>");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.RenameEnumValue r) {
            context.report("RENAME VALUE " + r.value() + " of type " + r.type() + " to " + r.newValue()
                    + " breaks every writer that still sends " + r.value());
        }
    }
}
