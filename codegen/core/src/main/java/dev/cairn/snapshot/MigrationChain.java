package dev.cairn.snapshot;

import dev.cairn.files.Sha256;

import java.util.Comparator;
import java.util.List;

/**
 * The chain a run applies, as far as a snapshot is concerned: the versioned migrations in version
 * order, each with its content hash, and how far a snapshot of a shorter chain may be reused.
 *
 * @param steps versioned migrations in the order Flyway applies them to an empty database
 * @param reuse what a snapshot may stand in for (see {@link Reuse})
 * @param releasedPrefix how many of the first steps are locked (released): a snapshot never stands in
 *                       for a new migration, which must be applied (and observed) until a run locks it
 */
public record MigrationChain(List<Step> steps, Reuse reuse, int releasedPrefix) {

    /** One versioned migration: Flyway's normalised version and the file's sha256. */
    public record Step(String version, String sha256) {
    }

    /**
     * A file in the migration folders, as the scan found it: version only for a versioned migration
     * (a baseline is not one: a fresh database starts from it, a snapshot would not).
     */
    public record File(String fileName, String sha256, org.flywaydb.core.api.MigrationVersion version, boolean repeatable,
                       boolean released) {
    }

    public enum Reuse {
        /** Plain versioned chain: a snapshot of any prefix, then only the new migrations. */
        EXTEND,
        /**
         * Repeatable migrations: Flyway runs them after all versioned ones, so a snapshot taken
         * before later versions would have had them run earlier than a run from zero does. Only a
         * snapshot of the identical chain is reused.
         */
        EXACT,
        /** Callbacks or other scripts that run on every migrate: they would run twice on a snapshot. Never reused. */
        NONE
    }

    public MigrationChain {
        steps = List.copyOf(steps);
    }

    /** Every step released. */
    public MigrationChain(List<Step> steps, Reuse reuse) {
        this(steps, reuse, steps.size());
    }

    /** Repeatables restrict reuse to identical chains; any other non-versioned SQL file (callbacks, baselines) forbids it. */
    public static MigrationChain of(List<File> files) {
        List<File> versioned = files.stream().filter(f -> f.version() != null).sorted(Comparator.comparing(File::version)).toList();
        List<Step> steps = versioned.stream().map(f -> new Step(f.version().getVersion(), f.sha256())).toList();
        int released = 0;
        while (released < versioned.size() && versioned.get(released).released()) released++;
        Reuse reuse = Reuse.EXTEND;
        for (File f : files) {
            if (f.version() != null || !f.fileName().endsWith(".sql")) continue;
            if (f.repeatable()) {
                if (reuse == Reuse.EXTEND) reuse = Reuse.EXACT;
            } else {
                reuse = Reuse.NONE;
            }
        }
        return new MigrationChain(steps, reuse, released);
    }

    public int size() {
        return steps.size();
    }

    /** The newest version, e.g. "59"; "(empty)" for no migrations. */
    public String lastVersion() {
        return steps.isEmpty() ? "(empty)" : steps.getLast().version();
    }

    /**
     * How many of this chain's migrations a snapshot of {@code applied} covers: its length when
     * it is a prefix of this chain (every applied migration unchanged, this chain only adds higher
     * versions), holds released migrations only, and reuse allows it; -1 otherwise.
     */
    public int covered(List<Step> applied) {
        if (reuse == Reuse.NONE || applied.isEmpty() || applied.size() > releasedPrefix) return -1;
        if (reuse == Reuse.EXACT && applied.size() != steps.size()) return -1;
        return steps.subList(0, applied.size()).equals(applied) ? applied.size() : -1;
    }

    /** Identity of the steps, the snapshot's directory name. */
    public String id() {
        StringBuilder b = new StringBuilder();
        for (Step s : steps) b.append(s.version()).append(' ').append(s.sha256()).append('\n');
        return Sha256.of(b.toString()).substring(0, 24);
    }
}
