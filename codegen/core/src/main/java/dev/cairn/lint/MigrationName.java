package dev.cairn.lint;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A well-formed file name {@code V<int>__<snake_words>.sql} (or {@code U...} for undo scripts). */
record MigrationName(char prefix, BigInteger version, String description) {

    private static final Pattern NAME = Pattern.compile("([VU])(\\d+)__([a-z0-9]+(?:_[a-z0-9]+)*)\\.sql");

    /** Words that say nothing about what a migration does. */
    private static final Set<String> GENERIC = Set.of("update", "updates", "updated", "schema", "fix", "fixes", "fixed",
            "change", "changes", "changed", "misc", "temp", "tmp", "test", "tests", "testing", "wip", "stuff", "migration",
            "migrations", "migrate", "new", "patch", "hotfix", "todo", "foo", "bar", "baz", "asdf", "qwerty", "data",
            "db", "database", "sql", "final", "again", "more", "other", "various", "some", "things", "init", "initial",
            "script", "version", "draft", "x", "v");

    static Optional<MigrationName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new MigrationName(m.group(1).charAt(0), new BigInteger(m.group(2)), m.group(3)));
    }

    /** One word, or only generic words and numbers ({@code update_schema}, {@code fix_2}). */
    boolean nonDescriptive() {
        String[] words = description.split("_");
        return words.length < 2 || Arrays.stream(words).allMatch(w -> GENERIC.contains(w) || w.matches("v?\\d+"));
    }
}
