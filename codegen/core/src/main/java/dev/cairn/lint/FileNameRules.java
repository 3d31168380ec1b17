package dev.cairn.lint;

import dev.cairn.lint.rules.Rules;
import dev.cairn.migrate.MigrationName;
import dev.cairn.migrate.MigrationName.Kind;
import org.flywaydb.core.api.MigrationVersion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * Rules about files rather than statements, as Flyway sees them: names Flyway accepts, versions
 * used twice (across all migration folders, as Flyway merges them), undo scripts for versions that
 * exist, and versions without an undo script. The house style of names is {@link FileNameStyle}.
 * A {@code lint:ignore} comment anywhere in the file silences these for that file.
 */
final class FileNameRules {

    private FileNameRules() {
    }

    static void check(List<LintedFile> files, Map<Path, List<Suppression>> suppressions, FindingCollector out) {
        // Findings are sorted in the report: hash maps will do.
        Map<MigrationVersion, List<LintedFile>> versions = new HashMap<>();
        Map<MigrationVersion, List<LintedFile>> baselines = new HashMap<>();
        Map<MigrationVersion, List<LintedFile>> undos = new HashMap<>();
        for (LintedFile f : files) {
            List<Suppression> sup = suppressions.get(f.path());
            String problem = problem(f);
            if (problem != null) {
                out.add(f.path(), 1, Rules.FILE_NAME, "file name " + f.fileName() + " " + problem, sup);
                continue;
            }
            MigrationName n = f.name().orElseThrow();
            Map<MigrationVersion, List<LintedFile>> byVersion = switch (n.kind()) {
                case VERSIONED -> versions;
                case BASELINE -> baselines;
                case UNDO -> undos;
                default -> null;
            };
            if (byVersion != null) byVersion.computeIfAbsent(n.version(), v -> new ArrayList<>()).add(f);
        }
        duplicates(versions, suppressions, out);
        duplicates(baselines, suppressions, out);
        duplicates(undos, suppressions, out);
        undos.forEach((version, us) -> {
            if (versions.containsKey(version)) return;
            for (LintedFile u : us) {
                out.add(u.path(), 1, Rules.FILE_NAME, "undo script for version " + version
                        + ", which no migration has (V" + u.fileName().substring(1) + " is missing)", suppressions.get(u.path()));
            }
        });
        versions.forEach((version, vs) -> {
            if (undos.containsKey(version)) return;
            for (LintedFile f : vs) {
                out.add(f.path(), 1, Rules.MISSING_UNDO, "no undo script U" + f.fileName().substring(1)
                        + " for this version", suppressions.get(f.path()));
            }
        });
    }

    /** Why Flyway (or cairn's undo) would not take the file where it is, or null. */
    private static String problem(LintedFile f) {
        if (f.name().isEmpty()) return "is not one Flyway runs: " + MigrationName.problem(f.fileName());
        Kind kind = f.name().get().kind();
        if (f.isUndo() && kind != Kind.UNDO) {
            return "is in an undo folder but is not an undo script U<version>__<description>.sql";
        }
        if (!f.isUndo() && kind == Kind.UNDO) {
            return "is an undo script in a migration folder: move it to the undo folder (db/undo)";
        }
        return null;
    }

    private static void duplicates(Map<MigrationVersion, List<LintedFile>> byVersion, Map<Path, List<Suppression>> suppressions,
                                   FindingCollector out) {
        byVersion.forEach((version, fs) -> {
            if (fs.size() < 2) return;
            for (LintedFile f : fs) {
                List<String> others = fs.stream().filter(o -> o != f)
                        .map(o -> o.path().getParent().getFileName() + "/" + o.fileName()).toList();
                out.add(f.path(), 1, Rules.FILE_NAME, "version " + version + " is also used by " + String.join(", ", others),
                        suppressions.get(f.path()));
            }
        });
    }
}
