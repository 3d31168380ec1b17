package dev.cairn.lock;

import dev.cairn.config.FrontEnd;
import dev.cairn.migrate.MigrationFile;
import dev.cairn.migrate.MigrationFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Enforces migrations.lock: fails on edited, renamed, deleted or duplicate-version migrations and,
 * depending on the mode, locks new ones or rejects them.
 */
public final class MigrationLocker {

    /** What to do with migrations that are not locked yet. */
    public enum Mode {
        /** CI and `lock --verify`: unlocked migrations are an error; the lock is never written. */
        VERIFY,
        /**
         * A local generate before it has succeeded: locked migrations must match, new ones may still
         * change (a lint or migration error is fixed in the file); nothing is written.
         */
        ALLOW_NEW,
        /** A local generate that succeeded: append new migrations to the lock and say so. */
        APPEND,
        /** `cairn lock`: append new migrations and also recompute a mismatched total line. */
        RELOCK
    }

    /**
     * @param locked   migrations in the lock after this run
     * @param appended migrations added to the lock by this run
     * @param created  the lock file did not exist and was written
     * @param complete the lock file exists and holds every versioned migration (an append would change nothing)
     * @param local    entries not committed yet whose file was edited, renamed or deleted since a local run
     *                 locked them: dropped, and (the file still there) locked anew once linted and observed
     */
    public record Outcome(int locked, List<MigrationFile> appended, boolean created, boolean complete,
                          List<MigrationLock.Entry> local) {

        public Outcome {
            appended = List.copyOf(appended);
            local = List.copyOf(local);
        }
    }

    private MigrationLocker() {
    }

    /** With every entry of the lock released (outside git). */
    /**
     * Takes these versions' entries out of the lock, so that the next generate lints, observes and
     * locks them anew: the way back for a migration a local run locked that is still the developer's
     * own work (outside git, where nothing tells that it was never shipped). In git, an entry
     * committed at HEAD is shipped and stays.
     *
     * @return the entries taken out
     * @throws MigrationLockException for a version the lock does not hold, or one that is shipped
     */
    public static List<MigrationLock.Entry> unlock(Path lockFile, List<String> versions, CommittedLock committed) throws IOException {
        if (!Files.isRegularFile(lockFile)) throw new MigrationLockException(lockFile + " does not exist: nothing to unlock.");
        MigrationLock lock = MigrationLock.read(lockFile);
        List<MigrationLock.Entry> out = new java.util.ArrayList<>();
        for (String v : versions) {
            org.flywaydb.core.api.MigrationVersion wanted = org.flywaydb.core.api.MigrationVersion.fromVersion(v.replace('_', '.'));
            List<MigrationLock.Entry> matching = lock.entries().stream()
                    .filter(e -> org.flywaydb.core.api.MigrationVersion.fromVersion(e.version()).equals(wanted)).toList();
            if (matching.isEmpty()) {
                throw new MigrationLockException("version " + v + " is not in " + lockFile + ": nothing to unlock.");
            }
            for (MigrationLock.Entry e : matching) {
                if (committed.committed().isPresent() && committed.released(e)) {
                    throw new MigrationLockException(e.file() + " is committed at HEAD in " + lockFile.getFileName()
                            + ": it has shipped and stays locked. Put any change in a new migration.");
                }
                out.add(e);
            }
        }
        lock.without(out).write(lockFile);
        return out;
    }

    public static Outcome enforce(Path lockFile, List<MigrationFile> files, Mode mode) throws IOException {
        return enforce(lockFile, files, mode, CommittedLock.ALL, FrontEnd.CLI);
    }

    /**
     * @param committed which entries are shipped (committed at HEAD); VERIFY (CI, {@code lock --verify})
     *                  takes every entry as shipped, whatever it is told
     */
    public static Outcome enforce(Path lockFile, List<MigrationFile> files, Mode mode, CommittedLock committed,
                                  FrontEnd frontEnd) throws IOException {
        if (mode == Mode.VERIFY) committed = CommittedLock.ALL;
        if (!Files.exists(lockFile)) {
            MigrationLock fresh = MigrationLock.of(files);
            LockCheck duplicates = LockCheck.of(new MigrationLock(List.of(), null), files);
            if (!duplicates.problems().isEmpty()) throw new MigrationLockException(duplicates.describe(lockFile.toString()));
            if (mode == Mode.ALLOW_NEW) return new Outcome(0, List.of(), false, false, List.of());
            if (mode == Mode.VERIFY) {
                throw new MigrationLockException(lockFile + " does not exist. Run `" + frontEnd.lock() + "` (or `"
                        + frontEnd.generate() + "` locally) to lock the " + fresh.entries().size()
                        + " current migrations, and commit it.");
            }
            fresh.write(lockFile);
            return new Outcome(fresh.entries().size(), MigrationFiles.locked(files), true, true, List.of());
        }
        MigrationLock lock = MigrationLock.read(lockFile);
        LockCheck check = LockCheck.of(lock, files, committed);
        boolean totalFixable = mode == Mode.RELOCK && check.problems().isEmpty();
        if (!check.ok() && !totalFixable) throw new MigrationLockException(check.describe(lockFile.toString(), frontEnd));
        if (!check.unlocked().isEmpty() && mode == Mode.VERIFY) {
            StringBuilder sb = new StringBuilder();
            for (MigrationFile f : check.unlocked()) {
                if (!sb.isEmpty()) sb.append('\n');
                sb.append("migration ").append(f.fileName()).append(" (").append(f.label()).append(") is not in ")
                        .append(lockFile.getFileName()).append(": run `").append(frontEnd.lock()).append("` (a local `")
                        .append(frontEnd.generate()).append("` does it too) and commit ").append(lockFile.getFileName()).append('.');
            }
            throw new MigrationLockException(sb.toString());
        }
        if (mode == Mode.ALLOW_NEW && check.problems().isEmpty()) {
            return new Outcome(lock.entries().size() - check.local().size(), List.of(), false,
                    check.unlocked().isEmpty() && check.local().isEmpty(), check.local());
        }
        if (!check.unlocked().isEmpty() || check.totalMismatch() || !check.local().isEmpty()) {
            if (mode == Mode.VERIFY) throw new MigrationLockException(check.describe(lockFile.toString(), frontEnd));
            MigrationLock updated = lock.without(check.local()).withAdded(check.unlocked());
            updated.write(lockFile);
            return new Outcome(updated.entries().size(), check.unlocked(), false, true, check.local());
        }
        return new Outcome(lock.entries().size(), List.of(), false, true, List.of());
    }
}
