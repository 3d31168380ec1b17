package dev.cairn.observe;

import dev.cairn.lint.Severity;
import dev.cairn.lint.TruncatedTables;

import java.util.ArrayList;
import java.util.List;

/**
 * Observations into findings. The lock mode alone is not the risk; how long it is held is: a lock
 * that blocks writes while every row is read or written (a rewrite, a scan, an index build, a
 * validation) lasts as long as the table is big, so it is an error. A brief ACCESS EXCLUSIVE
 * lock for a change to metadata only is info, with a reminder that lock_timeout protects it.
 */
public final class ObservedRisks {

    public static final String REWRITE = "observed-rewrite";
    public static final String BLOCKING_SCAN = "observed-blocking-scan";
    public static final String BLOCKING_INDEX_BUILD = "observed-blocking-index-build";
    public static final String BRIEF_EXCLUSIVE_LOCK = "observed-brief-exclusive-lock";
    public static final String NON_TRANSACTIONAL = "observed-non-transactional";
    /** The statement rule's id: one severity setting or lint:ignore covers the TRUNCATE and what it did. */
    public static final String TRUNCATE = "truncate-table";

    private ObservedRisks() {
    }

    public static List<ObservedFinding> of(Observation o) {
        return of(o, TruncatedTables.none());
    }

    /** @param truncated the tables the migration's statements TRUNCATE: their new file is no rewrite, their rows are gone */
    public static List<ObservedFinding> of(Observation o, TruncatedTables truncated) {
        List<ObservedFinding> findings = new ArrayList<>();
        if (!o.transactional()) {
            findings.add(new ObservedFinding(o.script(), "", NON_TRANSACTIONAL, Severity.INFO,
                    "ran outside a transaction (CONCURRENTLY or VACUUM): its locks were not observed, and a failure"
                            + " leaves the statements before it applied"));
        }
        for (RelationEffect e : o.effects()) {
            // An index's lock and rebuild come with its table's, which is reported.
            if (e.kind().equals("index")) continue;
            String under = e.strongestLock().isEmpty() ? "" : " under " + LockModes.sql(e.strongestLock());
            if (e.rewritten() && truncated.contains(e.relation())) {
                findings.add(new ObservedFinding(o.script(), e.relation(), TRUNCATE, Severity.ERROR,
                        "emptied existing " + e.kind() + " " + e.relation() + " (TRUNCATE): every row it held is gone" + under));
            } else if (e.rewritten()) {
                findings.add(new ObservedFinding(o.script(), e.relation(), REWRITE, Severity.ERROR,
                        "rewrote " + e.kind() + " " + e.relation() + " (relfilenode changed)" + under
                                + (o.transactional() ? "" : " (ACCESS EXCLUSIVE while it runs)")));
            } else if (e.blocksWrites() && !e.indexesBuilt().isEmpty()) {
                findings.add(new ObservedFinding(o.script(), e.relation(), BLOCKING_INDEX_BUILD, Severity.ERROR,
                        "built index " + String.join(", ", e.indexesBuilt()) + " on existing " + e.kind() + " "
                                + e.relation() + under + ", which blocks writes for the whole build"));
            } else if (e.blocksWrites() && (e.fullScans() > 0 || !e.constraintsValidated().isEmpty())) {
                String what = e.constraintsValidated().isEmpty() ? "scanned every row of " + e.relation()
                        : "validated " + String.join(", ", e.constraintsValidated()) + " against every row of " + e.relation();
                findings.add(new ObservedFinding(o.script(), e.relation(), BLOCKING_SCAN, Severity.ERROR,
                        what + under + ", which blocks writes until it is done"));
            } else if (e.strongestLock().equals("AccessExclusiveLock")) {
                findings.add(new ObservedFinding(o.script(), e.relation(), BRIEF_EXCLUSIVE_LOCK, Severity.INFO,
                        "took ACCESS EXCLUSIVE on " + e.relation() + " for a change to metadata only (brief, but it queues"
                                + " behind any open transaction: keep lock_timeout set, e.g. cairn migrate --lock-timeout=5s)"));
            }
        }
        return findings;
    }
}
