package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/** REINDEX without CONCURRENTLY locks out writes to the table (and reads that use the index) until every index is rebuilt. */
final class ReindexNotConcurrent extends BaseRule {

    ReindexNotConcurrent() {
        super("reindex-not-concurrent", Severity.ERROR, null,
                "REINDEX without CONCURRENTLY locks out writes to the table (and reads that use the index) until every index is rebuilt.",
                "REINDEX ... CONCURRENTLY (PostgreSQL 12+), alone in its own migration file with <file>.sql.conf beside it"
                        + " holding executeInTransaction=false (Flyway would run REINDEX INDEX/TABLE in a transaction, which CONCURRENTLY refuses)");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.Reindex r && !r.concurrently()
                && !(r.kind().equals("table") && !context.existingTable(r.target()))) {
            context.report("REINDEX " + upper(r.kind()) + " " + r.target() + " without CONCURRENTLY blocks writes while it rebuilds"
                    + (context.postgresMajor() < 12 ? " (before PostgreSQL 12: CREATE INDEX CONCURRENTLY a copy and swap it in)" : ""));
        }
    }
}
