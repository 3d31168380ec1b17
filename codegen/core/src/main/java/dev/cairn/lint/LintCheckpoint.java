package dev.cairn.lint;

import dev.cairn.migrate.MigrationName.Kind;
import dev.cairn.migrate.ScriptConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where lint stood after the first steps of a chain, in this JVM's last lint: the schema state and
 * the findings of those steps. A JVM that lints again (the warm engine, the watch) resumes from the
 * longest checkpoint whose steps are those of the chain now (each file's path, content hash and
 * role, in the same order) and checks only what follows. Adding the next migration, or editing the
 * newest, checks that one; not the 2,000 before it, which took a fifth of lint's time on such a
 * chain. The state after a prefix depends only on the prefix, so what it resumes from is exactly
 * what checking the prefix again gives.
 *
 * @param steps    the steps it stands after, as keys
 * @param findings the findings of those steps
 */
record LintCheckpoint(Context context, List<Step.Key> steps, SchemaState state, List<Finding> findings) {

    /** What else decides the findings: the rules' configuration and the placeholders. */
    record Context(LintConfig config, Map<String, String> placeholders) {
        Context {
            placeholders = Map.copyOf(placeholders);
        }
    }

    /**
     * One file checked: a chain file (after a reset of the state, for the baseline that stands for the
     * versions before it), or an undo script (checked, then its changes taken back), in a folder role.
     */
    record Step(LintedFile file, FolderRole role, boolean undo, boolean baseline) {

        /** {@code inTransaction}: the file's .sql.conf, which its findings depend on, as much as its text. */
        record Key(Path path, String sha256, FolderRole role, boolean undo, boolean baseline, boolean inTransaction) {
        }

        static Step of(LintedFile f) {
            return new Step(f, f.role(), false, f.is(Kind.BASELINE));
        }

        static Step undo(LintedFile u, FolderRole role) {
            return new Step(u, role, true, false);
        }

        Key key() {
            return new Key(file.path(), file.file().sha256(), role, undo, baseline,
                    ScriptConfig.of(file.path()).executeInTransaction());
        }
    }

    /** How many checkpoints a lint keeps: where each of the newest chain files begins, and the end. */
    private static final int NEWEST = 3;

    private static volatile List<LintCheckpoint> kept = List.of();

    LintCheckpoint {
        steps = List.copyOf(steps);
        findings = List.copyOf(findings);
    }

    int length() {
        return steps.size();
    }

    /** A copy of the state here: the one kept stays as it was. */
    @Override
    public SchemaState state() {
        return state.copy();
    }

    /** @param keys the plan's steps as keys ({@link #keys}) */
    static LintCheckpoint at(Context context, List<Step.Key> keys, int length, SchemaState state, List<Finding> findings) {
        return new LintCheckpoint(context, keys.subList(0, length), state.copy(), findings);
    }

    static List<Step.Key> keys(List<Step> plan) {
        return plan.stream().map(Step::key).toList();
    }

    /** The longest checkpoint kept whose steps begin the plan ({@code keys}), under the same context. */
    static Optional<LintCheckpoint> longestPrefixOf(Context context, List<Step.Key> keys) {
        return kept.stream()
                .filter(c -> c.length() <= keys.size() && c.context().equals(context))
                .sorted(java.util.Comparator.comparingInt(LintCheckpoint::length).reversed())
                .filter(c -> prefixOf(c.steps(), keys))
                .findFirst();
    }

    /** From the end, where an edit or a new file usually is; content hashes first, they differ first. */
    private static boolean prefixOf(List<Step.Key> steps, List<Step.Key> keys) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step.Key a = steps.get(i);
            Step.Key b = keys.get(i);
            // Files found again are the same objects (MigrationFiles): identity decides most comparisons.
            if (!a.sha256().equals(b.sha256()) || a.path() != b.path() && !a.path().equals(b.path()) || a.role() != b.role()
                    || a.undo() != b.undo() || a.baseline() != b.baseline()) return false;
        }
        return true;
    }

    /**
     * Where checkpoints are worth keeping: before each of the newest chain files (the one being
     * written is edited again and again) and after the last step (the next file is added there).
     */
    static Set<Integer> worthKeeping(List<Step> plan) {
        Set<Integer> at = new TreeSet<>();
        at.add(plan.size());
        for (int i = plan.size() - 1; i >= 0 && at.size() <= NEWEST; i--) if (!plan.get(i).undo()) at.add(i);
        return at;
    }

    /** Replaces the checkpoints of this JVM. */
    static void keep(List<LintCheckpoint> checkpoints) {
        kept = List.copyOf(checkpoints);
    }
}
