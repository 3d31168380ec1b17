package dev.cairn.database;

import dev.cairn.lint.LintConfig;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.migrate.MigrationLocations;
import dev.cairn.pipeline.Pipeline;
import dev.cairn.pipeline.PipelineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What offline mode gets wrong, in numbers: generates the real tracker schema once with a real
 * PostgreSQL (embedded) and once offline, and compares the generated classes, tables, columns,
 * indexes, checks and keys. Prints the summary (for docs/providers.md) and writes it to
 * target/offline-comparison.md. Schema: {@code -Dcairn.compare.project=<checkout>} (default:
 * this checkout), skipped when it has no migrations yet.
 */
class OfflineVsRealComparisonTest {

    private static final Pattern FIELD = Pattern.compile("TableField<\\w+, [^>]+> (\\w+) = createField\\((.*)\\);");
    private static final Pattern CHECK = Pattern.compile("Internal\\.createCheck\\(this, DSL\\.name\\(\"([^\"]+)\"\\), (.*)\\)");
    private static final Pattern DECL = Pattern.compile("public static final (?:Index|UniqueKey<\\w+>|ForeignKey<\\w+, \\w+>) (\\w+) = (.*);");

    @Test
    void offlineVersusRealPostgres(@TempDir Path tmp) throws Exception {
        Path project = Path.of(System.getProperty("cairn.compare.project", "..")).toAbsolutePath().normalize();
        List<Path> dirs = MigrationLocations.schemaDirectories(project);
        assumeTrue(Files.isDirectory(dirs.get(0)), "SKIPPED: no migrations in " + dirs.get(0)
                + "; pass -Dcairn.compare.project=<checkout with schema/src/main/resources/db>");

        Path real = tmp.resolve("real");
        Path offline = tmp.resolve("offline");
        List<String> log = new ArrayList<>();
        new Pipeline(DatabaseProvider.embedded(), log::add).run(new PipelineOptions(dirs, real, CodegenSettings.defaults()).withLint(LintConfig.reportOnly()));
        new Pipeline(new OfflineProvider(log::add), log::add).run(new PipelineOptions(dirs, offline, CodegenSettings.defaults()).withLint(LintConfig.reportOnly()));

        List<String> report = new ArrayList<>();
        Path pkg = Path.of("org/jooq/generated");
        Map<String, String> realFiles = files(real);
        Map<String, String> offFiles = files(offline);
        Set<String> all = new TreeSet<>(realFiles.keySet());
        all.addAll(offFiles.keySet());
        int identical = 0;
        List<String> classDiffs = new ArrayList<>();
        for (String f : all) {
            String a = realFiles.get(f), b = offFiles.get(f);
            if (a != null && a.equals(b)) identical++;
            else classDiffs.add(f + (a == null ? " (only offline)" : b == null ? " (only real)" : " (differs)"));
        }

        Set<String> tables = new TreeSet<>();
        for (String f : all) if (f.startsWith(pkg + "/tables/") && !f.contains("/records/")) tables.add(f);
        int identicalTables = 0, columns = 0, identicalColumns = 0, checks = 0, identicalChecks = 0;
        List<String> columnDiffs = new ArrayList<>(), checkDiffs = new ArrayList<>();
        for (String t : tables) {
            String a = realFiles.getOrDefault(t, ""), b = offFiles.getOrDefault(t, "");
            if (!a.isEmpty() && a.equals(b)) identicalTables++;
            String table = Path.of(t).getFileName().toString().replace(".java", "");
            Map<String, String> ca = matches(FIELD, a), cb = matches(FIELD, b);
            columns += ca.size();
            for (var e : ca.entrySet()) {
                String other = cb.get(e.getKey());
                if (e.getValue().equals(other)) identicalColumns++;
                else columnDiffs.add(table + "." + e.getKey() + ": real " + e.getValue() + " | offline " + (other == null ? "(missing)" : other));
            }
            for (String k : cb.keySet()) if (!ca.containsKey(k)) columnDiffs.add(table + "." + k + ": only offline");
            Map<String, String> ka = matches(CHECK, a), kb = matches(CHECK, b);
            checks += ka.size();
            for (var e : ka.entrySet()) {
                if (e.getValue().equals(kb.get(e.getKey()))) identicalChecks++;
                else checkDiffs.add(table + "." + e.getKey() + (kb.containsKey(e.getKey()) ? ": expression differs" : ": missing offline"));
            }
            for (String k : kb.keySet()) if (!ka.containsKey(k)) checkDiffs.add(table + "." + k + ": only offline");
        }
        String idx = pkg + "/Indexes.java", keys = pkg + "/Keys.java";
        Map<String, String> ia = matches(DECL, realFiles.getOrDefault(idx, "")), ib = matches(DECL, offFiles.getOrDefault(idx, ""));
        Map<String, String> kA = matches(DECL, realFiles.getOrDefault(keys, "")), kB = matches(DECL, offFiles.getOrDefault(keys, ""));
        List<String> indexDiffs = diff(ia, ib), keyDiffs = diff(kA, kB);

        List<String> uninterpreted = log.stream().filter(l -> l.startsWith("          - ")).map(String::strip).toList();
        report.add("offline mode on " + dirs.get(0).getParent() + ":");
        report.add("- tables: " + identicalTables + " of " + tables.size() + " identical (table classes)");
        report.add("- generated files: " + identical + " of " + all.size() + " identical");
        report.add("- columns: " + identicalColumns + " of " + columns + " identical");
        report.add("- indexes: " + (ia.size() - count(indexDiffs, ia)) + " of " + ia.size() + " identical");
        report.add("- check constraints: " + identicalChecks + " of " + checks + " identical");
        report.add("- keys (primary, unique, foreign): " + (kA.size() - count(keyDiffs, kA)) + " of " + kA.size() + " identical");
        report.add("- statements not interpreted: " + uninterpreted.size());
        section(report, "statements not interpreted", uninterpreted);
        section(report, "files that differ", classDiffs);
        section(report, "columns that differ", columnDiffs);
        section(report, "indexes that differ", indexDiffs);
        section(report, "checks that differ", checkDiffs);
        section(report, "keys that differ", keyDiffs);
        String text = String.join("\n", report) + "\n";
        Files.writeString(Path.of("target/offline-comparison.md"), text);
        // The summary only; the full list of differences is in the file.
        System.out.println(String.join("\n", report.subList(0, 8)) + "\n(details: codegen/target/offline-comparison.md)");
        assertTrue(tables.size() > 0, "the real schema generated tables");
    }

    private static int count(List<String> diffs, Map<String, String> realSide) {
        return (int) diffs.stream().filter(d -> realSide.containsKey(d.split(":")[0])).count();
    }

    private static List<String> diff(Map<String, String> real, Map<String, String> offline) {
        List<String> out = new ArrayList<>();
        for (var e : real.entrySet()) {
            String o = offline.get(e.getKey());
            if (o == null) out.add(e.getKey() + ": missing offline");
            else if (!o.equals(e.getValue())) out.add(e.getKey() + ": real " + e.getValue() + " | offline " + o);
        }
        for (String k : offline.keySet()) if (!real.containsKey(k)) out.add(k + "(offline): only offline");
        return out;
    }

    private static void section(List<String> report, String title, List<String> items) {
        if (items.isEmpty()) return;
        report.add("");
        report.add(title + " (" + items.size() + "):");
        items.forEach(i -> report.add("  " + i));
    }

    private static Map<String, String> matches(Pattern p, String text) {
        Map<String, String> out = new TreeMap<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.put(m.group(1), m.group(2));
        return out;
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) out.put(root.relativize(f).toString(), Files.readString(f));
        }
        return out;
    }
}
