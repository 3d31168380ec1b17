package dev.cairn.undo;

import dev.cairn.migrate.FlywayHistory;

import org.flywaydb.core.api.MigrationVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The undo scripts to run, newest version first, worked out from Flyway's history before anything is
 * changed. Every check that can refuse happens here: failed history entries, an unknown or unapplied
 * target, a target below the baseline, a missing or unusable undo script.
 *
 * @param schema     the schema holding Flyway's history table
 * @param current    the newest applied version
 * @param target     the version the schema is at afterwards (0 when everything is undone)
 */
public record UndoPlan(String schema, MigrationVersion current, MigrationVersion target, List<UndoScript> steps) {

    public UndoPlan {
        steps = List.copyOf(steps);
    }

    public static UndoPlan of(FlywayHistory history, UndoScripts undo, UndoTarget target, UndoScriptParser parser) {
        List<FlywayHistory.Entry> failed = history.failed();
        if (!failed.isEmpty()) {
            StringBuilder m = new StringBuilder("Flyway's history has failed entries:");
            failed.forEach(e -> m.append("\n  ").append(e.script()).append(" (version ").append(e.version()).append(')'));
            m.append("\nRefusing to undo on top of a half-applied migration. Clean up what the failed migration left,"
                    + " run `flyway repair` (it removes failed rows), then try again.");
            throw new UndoRefusedException(m.toString());
        }
        List<FlywayHistory.Entry> applied = history.appliedVersions();
        if (applied.isEmpty()) throw new UndoRefusedException("No applied migrations in " + history.schema() + "."
                + history.table() + ": nothing to undo.");
        MigrationVersion current = applied.getLast().version();
        Optional<MigrationVersion> baseline = history.baseline().map(FlywayHistory.Entry::version);

        List<FlywayHistory.Entry> toUndo = new ArrayList<>();
        MigrationVersion targetVersion;
        switch (target) {
            case UndoTarget.Steps s -> {
                if (s.count() > applied.size()) {
                    throw new UndoRefusedException("--steps " + s.count() + " is more than the " + applied.size()
                            + " applied migrations (newest: " + current + ").");
                }
                toUndo.addAll(applied.subList(applied.size() - s.count(), applied.size()));
                targetVersion = s.count() == applied.size() ? baseline.orElse(MigrationVersion.fromVersion("0"))
                        : applied.get(applied.size() - s.count() - 1).version();
            }
            case UndoTarget.ToVersion t -> {
                targetVersion = t.version();
                boolean zero = targetVersion.equals(MigrationVersion.fromVersion("0"));
                boolean isApplied = applied.stream().anyMatch(e -> e.version().equals(targetVersion))
                        || baseline.filter(targetVersion::equals).isPresent();
                if (zero && baseline.isPresent()) {
                    throw new UndoRefusedException("--to 0 would undo below the baseline (version " + baseline.get()
                            + "): those versions were never applied here, so they cannot be undone.");
                }
                if (!zero && !isApplied) {
                    throw new UndoRefusedException("Version " + targetVersion + " is not applied here (applied: "
                            + versions(applied) + "). Give one of those, or --steps N.");
                }
                if (targetVersion.equals(current)) {
                    throw new UndoRefusedException("The schema is already at version " + current + ": nothing to undo.");
                }
                applied.stream().filter(e -> e.version().compareTo(targetVersion) > 0).forEach(toUndo::add);
            }
        }
        if (baseline.isPresent() && targetVersion.compareTo(baseline.get()) < 0) {
            throw new UndoRefusedException("Version " + targetVersion + " is below the baseline (version "
                    + baseline.get() + "): those versions were never applied here, so they cannot be undone.");
        }

        List<String> problems = new ArrayList<>();
        List<UndoScript> steps = new ArrayList<>();
        for (FlywayHistory.Entry e : toUndo.reversed()) {
            Optional<java.nio.file.Path> file = undo.file(e.version());
            if (file.isEmpty()) {
                problems.add(e.script() + " has no undo script (expected U" + e.version() + "__"
                        + e.description().replace(' ', '_') + ".sql in " + undo.directory() + ")");
                continue;
            }
            try {
                steps.add(parser.parse(e.version(), UndoScripts.description(file.get()), file.get()));
            } catch (UndoScriptException ex) {
                problems.add(ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UndoRefusedException("Cannot undo to version " + targetVersion + ":\n  "
                    + String.join("\n  ", problems) + "\nNothing was changed. Write the missing undo scripts"
                    + " (`cairn verify-undo` prints a starting point) and try again.");
        }
        return new UndoPlan(history.schema(), current, targetVersion, steps);
    }

    private static String versions(List<FlywayHistory.Entry> applied) {
        List<String> v = applied.stream().map(e -> e.version().getVersion()).toList();
        return v.size() <= 12 ? String.join(", ", v) : v.getFirst() + " .. " + v.getLast();
    }
}
