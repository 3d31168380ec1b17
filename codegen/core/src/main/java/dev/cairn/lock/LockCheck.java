package dev.cairn.lock;

import dev.cairn.config.FrontEnd;
import dev.cairn.migrate.MigrationFile;
import dev.cairn.migrate.MigrationFiles;

import org.flywaydb.core.api.MigrationVersion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The migrations on disk compared with the lock: what is broken (edited, renamed, deleted,
 * duplicate versions, a bad total) and what is merely new.
 *
 * @param problems one readable sentence per broken rule, naming the file and what to do
 * @param unlocked versioned and baseline migrations not in the lock yet (new work), in version order
 * @param totalMismatch the lock's total line does not match its entries (hand edit or a bad merge)
 * @param local   entries not released yet (added since the committed lock) whose file was edited, renamed or
 *                deleted: the developer's own work in progress, dropped from the lock and locked anew if still there
 */
public record LockCheck(List<String> problems, List<MigrationFile> unlocked, boolean totalMismatch,
                        List<MigrationLock.Entry> local) {

    private static final String WRITE_NEW = "A locked migration may already have run on a database, which will never"
            + " run it again: restore it from git and put the change in a new migration";

    public LockCheck {
        problems = List.copyOf(problems);
        unlocked = List.copyOf(unlocked);
        local = List.copyOf(local);
    }

    /** No locked migration was touched and the total line is right (new migrations are fine). */
    public boolean ok() {
        return problems.isEmpty() && !totalMismatch;
    }

    /** Every entry of the lock taken as released (outside git; CI). */
    public static LockCheck of(MigrationLock lock, List<MigrationFile> files) {
        return of(lock, files, CommittedLock.ALL);
    }

    public static LockCheck of(MigrationLock lock, List<MigrationFile> files, CommittedLock committed) {
        List<MigrationFile> current = MigrationFiles.locked(files);
        List<String> problems = new ArrayList<>();

        // A baseline (B1_20_0) shares its version with the versioned migrations it stands for: only two
        // files of the same kind and version clash.
        Map<MigrationVersion, List<MigrationFile>> byVersion = new TreeMap<>();
        Map<String, List<MigrationFile>> byKindAndVersion = new TreeMap<>();
        for (MigrationFile f : current) {
            byVersion.computeIfAbsent(f.version(), v -> new ArrayList<>()).add(f);
            byKindAndVersion.computeIfAbsent(f.name().kind().prefix() + f.version().getVersion(), v -> new ArrayList<>()).add(f);
        }
        byKindAndVersion.forEach((key, fs) -> {
            MigrationVersion v = fs.getFirst().version();
            if (fs.size() > 1) {
                problems.add("version " + v + " is used by " + fs.size() + " migrations: "
                        + String.join(" and ", fs.stream().map(MigrationFile::label).toList())
                        + ". Flyway merges db/migration and db/data by version, so each version may appear once:"
                        + " give the newer file the next free version (V" + next(byVersion) + "__...).");
            }
        });

        Map<String, MigrationFile> byLabel = new LinkedHashMap<>();
        for (MigrationFile f : current) byLabel.put(f.label(), f);
        Set<String> locked = new HashSet<>();
        for (MigrationLock.Entry e : lock.entries()) locked.add(e.file());
        Set<String> renameTargets = new HashSet<>();
        List<MigrationLock.Entry> local = new ArrayList<>();

        for (MigrationLock.Entry e : lock.entries()) {
            MigrationFile f = byLabel.get(e.file());
            if (!committed.released(e)) {
                // Not shipped: an edit, a rename or a delete is the developer's own business; the file (if any) is new work again.
                if (f == null || !f.sha256().equals(e.sha256())) {
                    local.add(e);
                    locked.remove(e.file());
                }
                continue;
            }
            if (f != null) {
                if (!f.sha256().equals(committed.shippedSha256(e)) || !f.sha256().equals(e.sha256())) {
                    problems.add(e.file() + " was edited after it was locked in migrations.lock (sha256 "
                            + shortHash(e.sha256()) + " locked, " + shortHash(f.sha256()) + " now). " + WRITE_NEW
                            + " (V" + next(byVersion) + "__...).");
                }
                continue;
            }
            MigrationFile moved = current.stream()
                    .filter(c -> !locked.contains(c.label()) && !renameTargets.contains(c.label()))
                    .filter(c -> c.sha256().equals(e.sha256()) || (c.version().equals(MigrationVersion.fromVersion(e.version()))
                            && fileName(e.file()).charAt(0) == c.fileName().charAt(0)))
                    .findFirst().orElse(null);
            if (moved != null) {
                renameTargets.add(moved.label());
                problems.add(e.file() + " was renamed to " + moved.label() + " after it was locked"
                        + (moved.sha256().equals(e.sha256()) ? "" : " (and its content changed)")
                        + ". Flyway records migrations by version, description and checksum, so databases that ran"
                        + " the old file would fail validation: rename it back to " + fileName(e.file())
                        + " and write a new migration for any change.");
            } else {
                problems.add(e.file() + " (version " + e.version() + ") is locked in migrations.lock but was deleted."
                        + " Databases that ran it still have its effects: restore it from git, and to undo it write"
                        + " a new migration (V" + next(byVersion) + "__...).");
            }
        }
        List<MigrationFile> unlocked = current.stream()
                .filter(f -> !locked.contains(f.label()) && !renameTargets.contains(f.label()))
                .toList();
        return new LockCheck(problems, unlocked, !lock.totalMatches(), local);
    }

    /** The message for a failed check: every problem, one per line. */
    public String describe(String lockDisplay) {
        return describe(lockDisplay, FrontEnd.CLI);
    }

    /** As above, naming the command of the front end in use. */
    public String describe(String lockDisplay, FrontEnd frontEnd) {
        StringBuilder sb = new StringBuilder("migrations do not match " + lockDisplay + ":");
        for (String p : problems) sb.append("\n  - ").append(p);
        if (totalMismatch) {
            sb.append("\n  - the `total` line of migrations.lock does not match its entries (edited by hand, or a merge"
                    + " joined two lists). Once the migrations check out, run `" + frontEnd.lock() + "` to recompute it.");
        }
        return sb.toString();
    }

    /**
     * The next free version in the chain's own style, as a file name spells it: after 59, 60; after
     * 1.28, 1_29 (a 1.x chain stays on 1.x); after 2024.01.15.3, 2024_01_15_4.
     */
    static String next(Map<MigrationVersion, List<MigrationFile>> byVersion) {
        if (byVersion.isEmpty()) return "1";
        String last = ((TreeMap<MigrationVersion, ?>) byVersion).lastKey().getVersion();
        int dot = last.lastIndexOf('.');
        String head = dot < 0 ? "" : last.substring(0, dot + 1);
        String tail = last.substring(dot + 1);
        if (!tail.matches("\\d+")) return last.replace('.', '_') + "_1";
        String bumped = new java.math.BigInteger(tail).add(java.math.BigInteger.ONE).toString();
        // Keep zero padding (V007 -> V008).
        while (bumped.length() < tail.length()) bumped = "0" + bumped;
        return (head + bumped).replace('.', '_');
    }

    private static String shortHash(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    private static String fileName(String label) {
        return label.substring(label.lastIndexOf('/') + 1);
    }
}
