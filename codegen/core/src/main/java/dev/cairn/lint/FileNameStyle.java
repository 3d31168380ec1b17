package dev.cairn.lint;

import dev.cairn.lint.rules.Rules;
import dev.cairn.migrate.MigrationName;
import dev.cairn.migrate.MigrationName.Kind;
import org.flywaydb.core.api.MigrationVersion;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An opt-in house style for names (rule {@code file-name-style}, off unless configured): integer
 * versions, snake_case descriptions that say what the migration does, and undo scripts that repeat
 * their migration's description. Flyway accepts far more ({@link FileNameRules}); this is taste.
 */
final class FileNameStyle {

    private static final Pattern INTEGER = Pattern.compile("\\d+");
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z0-9]+(?:_[a-z0-9]+)*");
    private static final Pattern NUMBER_WORD = Pattern.compile("v?\\d+");

    /** Words that say nothing about what a migration does. */
    private static final Set<String> GENERIC = Set.of("update", "updates", "updated", "schema", "fix", "fixes", "fixed",
            "change", "changes", "changed", "misc", "temp", "tmp", "test", "tests", "testing", "wip", "stuff", "migration",
            "migrations", "migrate", "new", "patch", "hotfix", "todo", "foo", "bar", "baz", "asdf", "qwerty", "data",
            "db", "database", "sql", "final", "again", "more", "other", "various", "some", "things", "init", "initial",
            "script", "version", "draft", "x", "v");

    private FileNameStyle() {
    }

    static void check(List<LintedFile> files, Map<Path, List<Suppression>> suppressions, FindingCollector out) {
        Map<MigrationVersion, LintedFile> versions = new HashMap<>();
        for (LintedFile f : files) if (f.is(Kind.VERSIONED)) versions.putIfAbsent(f.name().get().version(), f);
        for (LintedFile f : files) {
            if (f.name().isEmpty() || f.is(Kind.CALLBACK)) continue;
            MigrationName n = f.name().get();
            List<Suppression> sup = suppressions.get(f.path());
            String expected = n.kind() == Kind.REPEATABLE ? "R__<snake_case_words>.sql"
                    : n.kind().prefix() + "<int>__<snake_case_words>.sql";
            String rawVersion = n.kind() == Kind.REPEATABLE ? "0" : f.fileName().substring(1, f.fileName().indexOf("__"));
            if (!INTEGER.matcher(rawVersion).matches() || !SNAKE_CASE.matcher(n.description()).matches()) {
                out.add(f.path(), 1, Rules.FILE_NAME_STYLE, "file name " + f.fileName() + " does not match " + expected, sup);
                continue;
            }
            if (nonDescriptive(n.description())) {
                out.add(f.path(), 1, Rules.FILE_NAME_STYLE, "file name " + f.fileName() + " does not say what the migration does", sup);
            }
            LintedFile migration = n.kind() == Kind.UNDO ? versions.get(n.version()) : null;
            if (migration != null && !migration.name().get().description().equals(n.description())) {
                out.add(f.path(), 1, Rules.FILE_NAME_STYLE, "undo description differs from " + migration.fileName()
                        + " (expected U" + migration.fileName().substring(1) + ")", sup);
            }
        }
    }

    /** One word, or only generic words and numbers ({@code update_schema}, {@code fix_2}). */
    static boolean nonDescriptive(String description) {
        String[] words = description.split("_");
        return words.length < 2 || Arrays.stream(words).allMatch(w -> GENERIC.contains(w) || NUMBER_WORD.matcher(w).matches());
    }
}
