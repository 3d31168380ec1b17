package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;

/**
 * REINDEX INDEX/TABLE ... CONCURRENTLY and DETACH PARTITION ... CONCURRENTLY in a file Flyway runs in
 * a transaction. Flyway's PostgreSQL parser recognises CREATE/DROP INDEX CONCURRENTLY and REINDEX
 * SCHEMA/DATABASE/SYSTEM as non-transactional, not these: they reach PostgreSQL inside a
 * transaction block, which it refuses, and the migration fails.
 */
final class ConcurrentlyInTransaction extends BaseRule {

    ConcurrentlyInTransaction() {
        super("concurrently-in-transaction", Severity.ERROR, null,
                "REINDEX INDEX/TABLE ... CONCURRENTLY or DETACH PARTITION ... CONCURRENTLY in a file Flyway runs in a transaction"
                        + " (Flyway does not detect them as non-transactional), which PostgreSQL refuses: the migration fails.",
                "keep the statement alone in its file and put <file>.sql.conf beside it with the line executeInTransaction=false");
    }

    @Override
    public void check(Change change, RuleContext context) {
        String statement = change instanceof Change.Reindex r && r.concurrently() && (r.kind().equals("index") || r.kind().equals("table"))
                ? "REINDEX " + upper(r.kind()) + " CONCURRENTLY " + r.target()
                : change instanceof Change.DetachPartition d && d.concurrently()
                ? "DETACH PARTITION " + d.partition() + " CONCURRENTLY" : null;
        if (statement != null && context.runsInTransaction()) {
            context.report(statement + " fails: Flyway runs this file in a transaction (no executeInTransaction=false"
                    + " in a .sql.conf beside it)");
        }
    }
}
