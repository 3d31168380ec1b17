package dev.cairn.lint;

import dev.cairn.lint.rules.Rules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lint corpus: {@code lint-corpus/<rule-id>.sql}, one file per statement rule, made of cases.
 * A case starts with {@code -- expect: <rule-id>} (the file's rule must report it) or
 * {@code -- expect: none} (it must not); {@code -- postgres: <major>} and {@code -- folder: data}
 * set the target version and the folder; {@code -- then} starts the case's next migration. Each
 * case runs as versions 2, 3, ... after {@code _existing.sql} (version 1, the tables with rows).
 *
 * <p>Also writes target/lint-corpus/ for bench/lint-vs-squawk.sh: each case as one SQL file and
 * cairn's verdict per case.
 */
class LintCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/lint-corpus");
    static final Path OUT = Path.of("target/lint-corpus");

    record Case(String rule, int number, String expect, int postgresMajor, boolean data, List<String> migrations) {

        String name() {
            return rule + "--" + String.format("%02d", number);
        }

        boolean flagged() {
            return !expect.equals("none");
        }

        long statements() {
            return migrations.stream().mapToLong(m -> SqlScript.parse(m).statements().size()).sum();
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith("_")).sorted().toList()) {
                String rule = f.getFileName().toString().replaceFirst("\\.sql$", "");
                all.addAll(parse(rule, Files.readAllLines(f)));
            }
        }
        return all;
    }

    private static List<Case> parse(String rule, List<String> lines) {
        List<Case> out = new ArrayList<>();
        String expect = null;
        int major = LintConfig.defaults().postgresMajor();
        boolean data = false;
        List<String> migrations = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith("-- expect:")) {
                if (expect != null) out.add(finish(rule, out.size() + 1, expect, major, data, migrations, current));
                expect = t.substring("-- expect:".length()).trim();
                major = LintConfig.defaults().postgresMajor();
                data = false;
                migrations = new ArrayList<>();
                current = new StringBuilder();
            } else if (expect == null) {
                continue; // the file's header comment
            } else if (t.startsWith("-- postgres:")) {
                major = Integer.parseInt(t.substring("-- postgres:".length()).trim());
            } else if (t.equals("-- folder: data")) {
                data = true;
            } else if (t.equals("-- then")) {
                migrations.add(current.toString());
                current = new StringBuilder();
            } else {
                current.append(line).append('\n');
            }
        }
        if (expect != null) out.add(finish(rule, out.size() + 1, expect, major, data, migrations, current));
        return out;
    }

    private static Case finish(String rule, int n, String expect, int major, boolean data, List<String> migrations,
                               StringBuilder current) {
        List<String> all = new ArrayList<>(migrations);
        all.add(current.toString());
        return new Case(rule, n, expect, major, data, List.copyOf(all));
    }

    /** The rule ids lint reports for the case's own files (not for _existing.sql). */
    static Set<String> lint(Case c, Path root) throws IOException {
        Path db = root.resolve(c.name()).resolve("db");
        Path migration = Files.createDirectories(db.resolve("migration"));
        Path data = Files.createDirectories(db.resolve("data"));
        Files.copy(CORPUS.resolve("_existing.sql"), migration.resolve("V1__existing.sql"));
        for (int i = 0; i < c.migrations().size(); i++) {
            Files.writeString((c.data() ? data : migration).resolve("V" + (i + 2) + "__case.sql"), c.migrations().get(i));
        }
        LintConfig config = LintConfig.defaults().withPostgresMajor(c.postgresMajor());
        // every rule on (house rules are off by default), except those about files and parsing
        for (LintRule r : Rules.all()) if (r.defaultSeverity() == Severity.OFF) config = config.withSeverity(r, Severity.ERROR);
        config = config.withSeverity(Rules.MISSING_UNDO, Severity.OFF).withSeverity(Rules.PARSE_FALLBACK, Severity.OFF)
                .withSeverity(Rules.FILE_NAME_STYLE, Severity.OFF);
        LintReport report = Linter.lint(List.of(migration, data), config);
        Set<String> ids = new TreeSet<>();
        for (Finding f : report.findings()) if (!f.file().getFileName().toString().startsWith("V1__")) ids.add(f.ruleId());
        return ids;
    }

    /** Time spent in lint itself (writing the case files included), for the squawk comparison. */
    private static long lintNanos;

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        Path work = OUT.resolve("work");
        if (Files.exists(work)) {
            try (Stream<Path> old = Files.walk(work)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Files.createDirectories(work);
        Path cases = Files.createDirectories(OUT.resolve("cases"));
        List<String> verdicts = new ArrayList<>();
        verdicts.add("case\trule\texpect\tcairn\tstatements\tall_cairn_rules\tcairn_suppression\tpostgres");
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name() + " expect " + c.expect(), () -> {
            long start = System.nanoTime();
            Set<String> found = lint(c, work);
            lintNanos += System.nanoTime() - start;
            boolean flagged = found.contains(c.rule());
            String sql = String.join("", c.migrations());
            writeVerdict(cases, verdicts, c, sql, flagged, found);
            assertEquals(c.flagged(), flagged, c.name() + " (" + c.expect() + "): cairn reported " + found + " for\n" + sql);
            if (c.flagged()) {
                for (String id : c.expect().split(",")) {
                    assertTrue(found.contains(id.trim()), c.name() + ": expected " + id + ", got " + found);
                }
            }
        }));
    }

    private static void writeVerdict(Path cases, List<String> verdicts, Case c, String sql, boolean flagged, Set<String> found) {
        try {
            Files.writeString(cases.resolve(c.name() + ".sql"), sql);
            verdicts.add(c.name() + "\t" + c.rule() + "\t" + (c.flagged() ? "flag" : "none") + "\t" + (flagged ? "flag" : "none")
                    + "\t" + c.statements() + "\t" + String.join(",", found) + "\t" + sql.contains("lint:ignore")
                    + "\t" + c.postgresMajor());
            Files.write(OUT.resolve("cairn.tsv"), verdicts);
            Files.writeString(OUT.resolve("cairn-lint-ms.txt"), (lintNanos / 1_000_000) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyStatementRuleHasCasesBothWays() throws IOException {
        List<Case> all = cases();
        for (StatementRule r : Rules.statementRules()) {
            assertTrue(all.stream().anyMatch(c -> c.rule().equals(r.id()) && c.flagged()), r.id() + " has no case that must be flagged");
            assertTrue(all.stream().anyMatch(c -> c.rule().equals(r.id()) && !c.flagged()), r.id() + " has no case that must not be");
        }
        for (Case c : all) assertTrue(Rules.byId(c.rule()).isPresent(), "corpus file for unknown rule " + c.rule());
        long statements = all.stream().mapToLong(Case::statements).sum();
        assertTrue(statements >= 150, "corpus has " + statements + " statements, want at least 150");
    }
}
