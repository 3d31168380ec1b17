package dev.cairn.lint;

import dev.cairn.files.FileHashCache;
import dev.cairn.lint.rules.Rules;
import dev.cairn.migrate.MigrationFile;
import dev.cairn.migrate.MigrationFiles;
import dev.cairn.migrate.MigrationName;
import dev.cairn.migrate.MigrationName.Kind;
import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lints Flyway SQL migrations without a database: file names and versions, undo scripts, and each
 * statement (read with jOOQ's parser, or by keywords where it cannot), in the order Flyway applies
 * them on an empty database, so "existing table" means created by an earlier version.
 *
 * <p>A directory named {@code data} holds data migrations (data changes allowed); one named
 * {@code undo} holds undo scripts {@code U<version>__<description>.sql}; any other holds schema
 * migrations. Undo scripts are checked as if run right after their version.
 */
public final class Linter {

    private Linter() {
    }

    /** Scans the folders (and their undo folders) itself: for {@code cairn lint}, which has no pipeline. */
    public static LintReport lint(List<Path> migrationDirs, LintConfig config) throws IOException {
        return lint(MigrationFiles.scan(migrationDirs, undoDirs(migrationDirs, config), Path.of("").toAbsolutePath(),
                FileHashCache.none()), config);
    }

    public static LintReport lint(MigrationFiles scanned, LintConfig config) throws IOException {
        return lint(scanned, config, Map.of());
    }

    /**
     * @param placeholders Flyway placeholders, replaced before the statements are read (as Flyway
     *                     does), so {@code ${app_schema}.orders} lints as the table it is
     */
    public static LintReport lint(MigrationFiles scanned, LintConfig config, Map<String, String> placeholders)
            throws IOException {
        return lint(scanned, config, placeholders, ParseCache.none());
    }

    /** As {@link #lint(MigrationFiles, LintConfig, Map)}, with jOOQ's reading of unchanged statements taken from {@code parses}. */
    public static LintReport lint(MigrationFiles scanned, LintConfig config, Map<String, String> placeholders,
                                  ParseCache parses) throws IOException {
        List<LintedFile> files = sqlFiles(scanned, config);
        FindingCollector out = new FindingCollector(config);
        ScriptMemory memory = new ScriptMemory(placeholders);
        Map<Path, SqlScript> scripts = new HashMap<>();
        Map<Path, List<Suppression>> suppressions = new HashMap<>();
        for (LintedFile f : files) {
            ScriptMemory.Read r = memory.read(f.file());
            scripts.put(f.path(), r.script());
            suppressions.put(f.path(), r.suppressions());
        }
        memory.keep();
        for (LintedFile f : files) out.checkSuppressions(f.path(), suppressions.get(f.path()));

        FileNameRules.check(files, suppressions, out);
        for (LintedFile f : files) {
            // 5,000 empty files once passed without a word: each is a version Flyway records and that does nothing.
            if ((f.is(Kind.VERSIONED) || f.is(Kind.REPEATABLE)) && scripts.get(f.path()).statements().isEmpty()) {
                out.add(f.path(), 1, Rules.EMPTY_MIGRATION, "migration " + f.fileName() + " holds no statement",
                        suppressions.get(f.path()));
            }
        }
        // An opt-in rule: off, its checks of every name would all be dropped.
        if (config.severityOf(Rules.FILE_NAME_STYLE) != Severity.OFF) FileNameStyle.check(files, suppressions, out);

        StatementChecker checker = new StatementChecker(new JooqStatementReader(parses), out, config.postgresMajor());
        SchemaState state = new SchemaState();
        // Callbacks run around every migrate, on whatever is there: check them without touching the chain's state.
        for (LintedFile f : files.stream().filter(f -> f.is(Kind.CALLBACK)).toList()) {
            SchemaState empty = state;
            state.tryOut(() -> checker.check(f.path(), scripts.get(f.path()), f.role(), empty));
        }
        List<LintCheckpoint.Step> plan = plan(files);
        // A JVM that linted this chain before resumes where its files begin to differ (LintCheckpoint).
        LintCheckpoint.Context context = new LintCheckpoint.Context(config, placeholders);
        int chainFindings = out.size();
        int from = 0;
        // Only where parses are remembered too: CI, --force and `cairn lint` check every file.
        boolean remember = parses.remembers();
        List<LintCheckpoint.Step.Key> keys = remember ? LintCheckpoint.keys(plan) : List.of();
        LintCheckpoint resumed = remember ? LintCheckpoint.longestPrefixOf(context, keys).orElse(null) : null;
        if (resumed != null) {
            state = resumed.state();
            out.addAll(resumed.findings());
            parses.keepLoaded();
            from = resumed.length();
        }
        List<LintCheckpoint> kept = new ArrayList<>();
        if (resumed != null) kept.add(resumed);
        Set<Integer> keepAt = remember ? LintCheckpoint.worthKeeping(plan) : Set.of();
        for (int i = from; i <= plan.size(); i++) {
            if (i > from && keepAt.contains(i)) kept.add(LintCheckpoint.at(context, keys, i, state, out.since(chainFindings)));
            if (i == plan.size()) break;
            LintCheckpoint.Step step = plan.get(i);
            LintedFile f = step.file();
            // A fresh database applies the newest baseline instead of the versions it stands for.
            if (step.baseline()) state = new SchemaState();
            SchemaState now = state;
            if (step.undo()) now.tryOut(() -> checker.check(f.path(), scripts.get(f.path()), step.role(), now));
            else checker.check(f.path(), scripts.get(f.path()), step.role(), now);
        }
        if (remember) LintCheckpoint.keep(kept);
        return new LintReport(out.findings(), files.size());
    }

    /**
     * What is checked, in order: the chain ({@link #chain}), each version's undo scripts right after
     * its last file (against the state there, in the role of its first file, their changes taken
     * back), and last the undo scripts of no version in the chain, against where the chain ends.
     */
    private static List<LintCheckpoint.Step> plan(List<LintedFile> files) {
        Map<MigrationVersion, List<LintedFile>> undoOf = new HashMap<>();
        List<LintedFile> undoOfNoVersion = new ArrayList<>();
        for (LintedFile u : files) {
            if (!u.isUndo()) continue;
            Optional<MigrationVersion> v = u.name().map(MigrationName::version);
            if (v.isPresent()) undoOf.computeIfAbsent(v.get(), k -> new ArrayList<>()).add(u);
            else undoOfNoVersion.add(u);
        }
        List<LintCheckpoint.Step> plan = new ArrayList<>();
        MigrationVersion pending = null;
        FolderRole pendingRole = null;
        for (LintedFile f : chain(files)) {
            MigrationVersion version = f.is(Kind.VERSIONED) ? f.name().get().version() : null;
            if (pending != null && !pending.equals(version)) {
                for (LintedFile u : undoOf.remove(pending)) plan.add(LintCheckpoint.Step.undo(u, pendingRole));
                pending = null;
            }
            plan.add(LintCheckpoint.Step.of(f));
            if (version != null && undoOf.containsKey(version) && pending == null) {
                pending = version;
                pendingRole = f.role();
            }
        }
        if (pending != null) for (LintedFile u : undoOf.remove(pending)) plan.add(LintCheckpoint.Step.undo(u, pendingRole));
        undoOfNoVersion.addAll(undoOf.values().stream().flatMap(List::stream).toList());
        for (LintedFile u : undoOfNoVersion) plan.add(LintCheckpoint.Step.undo(u, FolderRole.SCHEMA));
        return plan;
    }

    /**
     * Flyway's order on an empty database, as far as statements can tell: the versions up to the newest
     * baseline (as an old database ran them), then that baseline from scratch, then the later versions,
     * then repeatables. Files whose names Flyway rejects come last, by path.
     */
    private static List<LintedFile> chain(List<LintedFile> files) {
        List<LintedFile> migrations = files.stream().filter(f -> !f.isUndo() && !f.is(Kind.CALLBACK)).toList();
        MigrationVersion baseline = migrations.stream().filter(f -> f.is(Kind.BASELINE))
                .map(f -> f.name().get().version()).max(Comparator.naturalOrder()).orElse(null);
        Comparator<LintedFile> byPath = Comparator.comparing(f -> f.path().toString());
        List<LintedFile> chain = new ArrayList<>();
        List<LintedFile> versioned = migrations.stream().filter(f -> f.is(Kind.VERSIONED))
                .sorted(Comparator.comparing((LintedFile f) -> f.name().get().version()).thenComparing(byPath)).toList();
        versioned.stream().filter(f -> baseline == null || f.name().get().version().compareTo(baseline) <= 0).forEach(chain::add);
        migrations.stream().filter(f -> f.is(Kind.BASELINE) && f.name().get().version().equals(baseline)).forEach(chain::add);
        versioned.stream().filter(f -> baseline != null && f.name().get().version().compareTo(baseline) > 0).forEach(chain::add);
        migrations.stream().filter(f -> f.is(Kind.REPEATABLE)).sorted(byPath).forEach(chain::add);
        migrations.stream().filter(f -> f.name().isEmpty()).sorted(byPath).forEach(chain::add);
        return chain;
    }

    /** Configured undo folders, or else a sibling {@code undo} of each migration folder that exists. */
    public static List<Path> undoDirs(List<Path> migrationDirs, LintConfig config) {
        Set<Path> undo = new LinkedHashSet<>();
        for (Path d : config.undoDirs()) undo.add(d.toAbsolutePath().normalize());
        if (config.undoDirs().isEmpty()) {
            for (Path d : migrationDirs) {
                Path sibling = d.toAbsolutePath().normalize().resolveSibling("undo");
                if (Files.isDirectory(sibling)) undo.add(sibling);
            }
        }
        for (Path d : migrationDirs) undo.remove(d.toAbsolutePath().normalize());
        return List.copyOf(undo);
    }

    /** The .sql files of the scan, each with the role of its folder. */
    static List<LintedFile> sqlFiles(MigrationFiles scanned, LintConfig config) {
        Set<Path> undo = new LinkedHashSet<>();
        for (Path d : config.undoDirs()) undo.add(d.toAbsolutePath().normalize());
        List<LintedFile> files = new ArrayList<>();
        for (MigrationFile f : scanned.migrations()) {
            String folder = f.directory().getFileName().toString();
            FolderRole role = undo.contains(f.directory()) || folder.equals("undo") ? FolderRole.UNDO
                    : folder.equals("data") ? FolderRole.DATA : FolderRole.SCHEMA;
            if (isSql(f)) files.add(new LintedFile(f, role));
        }
        for (MigrationFile f : scanned.undo()) if (isSql(f)) files.add(new LintedFile(f, FolderRole.UNDO));
        files.sort(Comparator.comparing(f -> f.path().toString()));
        return files;
    }

    private static boolean isSql(MigrationFile f) {
        String name = f.fileName();
        return name.regionMatches(true, name.length() - 4, ".sql", 0, 4);
    }
}
