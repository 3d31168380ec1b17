package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** CREATE or DROP INDEX without CONCURRENTLY on an existing table blocks its writes (DROP: reads too) for the whole build. */
final class IndexNotConcurrent extends BaseRule {

    IndexNotConcurrent() {
        super("index-not-concurrent", Severity.ERROR, null,
                "CREATE or DROP INDEX without CONCURRENTLY on an existing table blocks its writes (DROP: reads too) for the whole build.",
                "use CREATE/DROP INDEX CONCURRENTLY, alone in its own migration file");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.CreateIndex c && !c.concurrently() && context.existingTable(c.table())) {
            context.report("CREATE INDEX " + orUnnamed(c.name()) + " on existing table " + c.table()
                    + " without CONCURRENTLY blocks writes while it builds");
        }
        if (change instanceof Change.DropIndex d && !d.concurrently() && context.indexOnExistingTable(d.name())) {
            String table = context.tableOfIndex(d.name());
            context.report("DROP INDEX " + d.name() + " on existing table " + (table != null ? table : "(created outside these migrations)")
                    + " without CONCURRENTLY blocks it");
        }
    }
}
