package dev.cairn.observe;

import java.util.List;
import java.util.Set;

/**
 * What one migration did to one relation that existed before it.
 *
 * @param relation             schema-qualified name, e.g. {@code public.events}
 * @param kind                 "table", "index", "view", "materialized view", "sequence" ...
 * @param lockModes            lock modes the migration still held on it at its end (transactional migrations only)
 * @param rewritten            its relfilenode changed: every row was written anew
 * @param fullScans            sequential scans of it inside the migration's transaction
 * @param indexesBuilt         indexes built on it by the migration (new indexes on an existing table)
 * @param constraintsValidated constraints on it checked against every row (added without NOT VALID, or VALIDATE CONSTRAINT)
 */
public record RelationEffect(String relation, String kind, Set<String> lockModes, boolean rewritten, long fullScans,
                             List<String> indexesBuilt, List<String> constraintsValidated) {

    public RelationEffect {
        lockModes = Set.copyOf(lockModes);
        indexesBuilt = List.copyOf(indexesBuilt);
        constraintsValidated = List.copyOf(constraintsValidated);
    }

    /** SHARE and stronger modes block INSERT/UPDATE/DELETE (ROW EXCLUSIVE) until the migration commits. */
    public boolean blocksWrites() {
        return lockModes.stream().anyMatch(LockModes::blocksWrites);
    }

    /** The strongest mode held, e.g. AccessExclusiveLock; empty when none was observed. */
    public String strongestLock() {
        return lockModes.stream().max(java.util.Comparator.comparingInt(LockModes::strength)).orElse("");
    }

    /** Reads every row: a rewrite, a scan, an index build or a validation. */
    public boolean readsEveryRow() {
        return rewritten || fullScans > 0 || !indexesBuilt.isEmpty() || !constraintsValidated.isEmpty();
    }

    public boolean changedAnything() {
        return !lockModes.isEmpty() || readsEveryRow();
    }
}
