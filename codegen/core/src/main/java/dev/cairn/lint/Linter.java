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
import java.util.Locale;
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
        // An opt-in rule: off, its checks of every name would all be dropped.
        if (config.severityOf(Rules.FILE_NAME_STYLE) != Severity.OFF) FileNameStyle.check(files, suppressions, out);

        StatementChecker checker = new StatementChecker(new JooqStatementReader(parses), out, config.postgresMajor());
        SchemaState state = new SchemaState();
        // Callbacks run around every migrate, on whatever is there: check them without touching the chain's state.
        for (LintedFile f : files.stream().filter(f -> f.is(Kind.CALLBACK)).toList()) {
            SchemaState empty = state;
            state.tryOut(() -> checker.check(f.path(), scripts.get(f.path()), f.role(), empty));
        }
        // Undo scripts are checked against the state right after their version (the last file of that
        // version), in the role of its first file, and their changes taken back.
        Map<MigrationVersion, List<LintedFile>> undoOf = new HashMap<>();
        List<LintedFile> undoOfNoVersion = new ArrayList<>();
        for (LintedFile u : files) {
            if (!u.isUndo()) continue;
            Optional<MigrationVersion> v = u.name().map(MigrationName::version);
            if (v.isPresent()) undoOf.computeIfAbsent(v.get(), k -> new ArrayList<>()).add(u);
            else undoOfNoVersion.add(u);
        }
        MigrationVersion pending = null;
        FolderRole pendingRole = null;
        for (LintedFile f : chain(files)) {
            MigrationVersion version = f.is(Kind.VERSIONED) ? f.name().get().version() : null;
            if (pending != null && !pending.equals(version)) {
                checkUndo(checker, scripts, undoOf.remove(pending), pendingRole, state);
                pending = null;
            }
            // A fresh database applies the newest baseline instead of the versions it stands for.
            if (f.is(Kind.BASELINE)) state = new SchemaState();
            checker.check(f.path(), scripts.get(f.path()), f.role(), state);
            if (version != null && undoOf.containsKey(version) && pending == null) {
                pending = version;
                pendingRole = f.role();
            }
        }
        if (pending != null) checkUndo(checker, scripts, undoOf.remove(pending), pendingRole, state);
        // Undo scripts of no version in the chain: against where the chain ends.
        undoOfNoVersion.addAll(undoOf.values().stream().flatMap(List::stream).toList());
        checkUndo(checker, scripts, undoOfNoVersion, FolderRole.SCHEMA, state);
        return new LintReport(out.findings(), files.size());
    }

    private static void checkUndo(StatementChecker checker, Map<Path, SqlScript> scripts, List<LintedFile> undo,
                                  FolderRole role, SchemaState state) {
        for (LintedFile u : undo) state.tryOut(() -> checker.check(u.path(), scripts.get(u.path()), role, state));
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
        return f.fileName().toLowerCase(Locale.ROOT).endsWith(".sql");
    }
}
