package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** ADD COLUMN of a serial or identity column (typically a new primary key) on an existing table writes every row with nextval under ACCESS EXCLUSIVE. */
final class AddSerialColumn extends BaseRule {

    AddSerialColumn() {
        super("add-serial-column", Severity.ERROR, null,
                "ADD COLUMN of a serial or identity column (typically a new primary key) on an existing table writes every row with nextval under ACCESS EXCLUSIVE.",
                "add a nullable bigint column, attach a sequence as DEFAULT for new rows, backfill old rows in batches in db/data, then add the key USING INDEX");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.AddColumn a && a.generatedSequence() && context.existingTable(a.table())) {
            context.report("ADD COLUMN " + a.column() + " serial/identity on existing table " + a.table()
                    + " rewrites every row under ACCESS EXCLUSIVE");
        }
    }
}
