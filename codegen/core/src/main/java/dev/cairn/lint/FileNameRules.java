package dev.cairn.lint;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules about files rather than statements: names, duplicate versions (across all migration
 * directories, as Flyway merges them), undo scripts that match their version. A
 * {@code lint:ignore} comment anywhere in the file silences these for that file.
 */
final class FileNameRules {

    private FileNameRules() {
    }

    static void check(List<MigrationFile> files, Map<Path, SqlScript> scripts, FindingCollector out) {
        Map<BigInteger, List<MigrationFile>> versions = new LinkedHashMap<>();
        Map<BigInteger, List<MigrationFile>> undos = new LinkedHashMap<>();
        for (MigrationFile f : files) {
            List<Suppression> sup = Suppression.in(scripts.get(f.path()).comments());
            char expected = f.isUndo() ? 'U' : 'V';
            if (f.name().isEmpty() || f.name().get().prefix() != expected) {
                out.add(f.path(), 1, Rule.FILE_NAME, "file name " + f.fileName() + " does not match " + expected
                        + "<int>__<snake_case_words>.sql", sup);
                continue;
            }
            MigrationName n = f.name().get();
            if (n.nonDescriptive()) {
                out.add(f.path(), 1, Rule.FILE_NAME, "file name " + f.fileName() + " does not say what the migration does", sup);
            }
            (f.isUndo() ? undos : versions).computeIfAbsent(n.version(), v -> new ArrayList<>()).add(f);
        }
        duplicates(versions, scripts, out);
        duplicates(undos, scripts, out);
        for (var e : undos.entrySet()) {
            List<MigrationFile> v = versions.get(e.getKey());
            for (MigrationFile u : e.getValue()) {
                List<Suppression> sup = Suppression.in(scripts.get(u.path()).comments());
                if (v == null) {
                    out.add(u.path(), 1, Rule.FILE_NAME, "undo script for version " + e.getKey() + ", which no migration has", sup);
                } else if (v.stream().noneMatch(m -> m.name().get().description().equals(u.name().get().description()))) {
                    out.add(u.path(), 1, Rule.FILE_NAME, "undo description differs from " + v.getFirst().fileName()
                            + " (expected U" + e.getKey() + "__" + v.getFirst().name().get().description() + ".sql)", sup);
                }
            }
        }
        for (var e : versions.entrySet()) {
            if (undos.containsKey(e.getKey())) continue;
            for (MigrationFile f : e.getValue()) {
                out.add(f.path(), 1, Rule.MISSING_UNDO, "no undo script U" + e.getKey() + "__" + f.name().get().description()
                        + ".sql for this version", Suppression.in(scripts.get(f.path()).comments()));
            }
        }
    }

    private static void duplicates(Map<BigInteger, List<MigrationFile>> byVersion, Map<Path, SqlScript> scripts, FindingCollector out) {
        for (var e : byVersion.entrySet()) {
            if (e.getValue().size() < 2) continue;
            for (MigrationFile f : e.getValue()) {
                List<String> others = e.getValue().stream().filter(o -> o != f)
                        .map(o -> o.path().getParent().getFileName() + "/" + o.fileName()).toList();
                out.add(f.path(), 1, Rule.FILE_NAME, "version " + e.getKey() + " is also used by " + String.join(", ", others),
                        Suppression.in(scripts.get(f.path()).comments()));
            }
        }
    }
}
