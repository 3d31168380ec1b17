package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** A CONCURRENTLY statement shares its file with others: Flyway runs the file in one transaction, which CONCURRENTLY refuses. */
final class ConcurrentlyNotAlone extends BaseRule {

    ConcurrentlyNotAlone() {
        super("concurrently-not-alone", Severity.ERROR, null,
                "A CONCURRENTLY statement shares its file with others: Flyway runs the file in one transaction, which CONCURRENTLY refuses.",
                "move the CONCURRENTLY statement into a migration file of its own (it cannot run in a transaction)");
    }

    @Override
    public void check(Change change, RuleContext context) {
        boolean concurrent = change instanceof Change.CreateIndex c && c.concurrently()
                || change instanceof Change.DropIndex d && d.concurrently()
                || change instanceof Change.Reindex r && r.concurrently();
        if (concurrent && context.statementsInFile() > 1) {
            context.report("CONCURRENTLY statement shares its file with " + (context.statementsInFile() - 1) + " other statement(s)");
        }
    }
}
