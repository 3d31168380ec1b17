package dev.cairn.lint;

import dev.cairn.lint.MigrationFile.Location;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Lints Flyway SQL migrations without a database: file names and versions, undo scripts, and each
 * statement (read with jOOQ's parser, or by keywords where it cannot), in version order across
 * all migration directories, so "existing table" means created by an earlier version.
 *
 * <p>A directory named {@code data} holds data migrations (data changes allowed); one named
 * {@code undo} holds undo scripts {@code U<n>__<description>.sql}; any other holds schema
 * migrations. Undo scripts are checked as if run right after their version.
 */
public final class Linter {

    private Linter() {
    }

    public static LintReport lint(List<Path> migrationDirs, LintConfig config) throws IOException {
        return lint(migrationDirs, config, ParseCache.none());
    }

    /** As {@link #lint(List, LintConfig)}, with jOOQ's reading of unchanged statements taken from {@code parses}. */
    public static LintReport lint(List<Path> migrationDirs, LintConfig config, ParseCache parses) throws IOException {
        List<MigrationFile> files = discover(migrationDirs, config);
        FindingCollector out = new FindingCollector(config);
        Map<Path, SqlScript> scripts = new HashMap<>();
        for (MigrationFile f : files) scripts.put(f.path(), read(f.path()));
        for (MigrationFile f : files) out.checkSuppressions(f.path(), Suppression.in(scripts.get(f.path()).comments()));

        FileNameRules.check(files, scripts, out);

        // Versioned migrations in the order Flyway applies them; malformed names last, by path.
        List<MigrationFile> chain = files.stream().filter(f -> !f.isUndo())
                .sorted(Comparator.comparing((MigrationFile f) -> f.name().map(MigrationName::version).orElse(null),
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(f -> f.path().toString()))
                .toList();
        StatementChecker checker = new StatementChecker(new JooqStatementReader(parses), out);
        SchemaState state = new SchemaState();
        Map<BigInteger, SchemaState> after = new TreeMap<>();
        Map<BigInteger, Location> roles = new HashMap<>();
        for (MigrationFile f : chain) {
            checker.check(f.path(), scripts.get(f.path()), f.location(), state);
            f.name().ifPresent(n -> {
                after.put(n.version(), state.copy());
                roles.putIfAbsent(n.version(), f.location());
            });
        }
        for (MigrationFile u : files.stream().filter(MigrationFile::isUndo).toList()) {
            Optional<BigInteger> version = u.name().map(MigrationName::version);
            SchemaState s = version.map(after::get).map(SchemaState::copy).orElseGet(state::copy);
            Location role = version.map(roles::get).orElse(Location.SCHEMA);
            checker.check(u.path(), scripts.get(u.path()), role, s);
        }
        return new LintReport(out.findings(), files.size());
    }

    /** The given directories plus undo directories (configured, or a sibling {@code undo} of each). */
    static List<MigrationFile> discover(List<Path> migrationDirs, LintConfig config) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path d : migrationDirs) dirs.add(d.toAbsolutePath().normalize());
        Set<Path> undo = new LinkedHashSet<>();
        for (Path d : config.undoDirs()) undo.add(d.toAbsolutePath().normalize());
        if (config.undoDirs().isEmpty()) {
            for (Path d : dirs) {
                Path sibling = d.resolveSibling("undo");
                if (Files.isDirectory(sibling)) undo.add(sibling);
            }
        }
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) throw new IOException("Migration directory " + d + " does not exist");
        }
        List<MigrationFile> files = new ArrayList<>();
        for (Path d : dirs) {
            Location loc = undo.contains(d) || d.getFileName().toString().equals("undo") ? Location.UNDO
                    : d.getFileName().toString().equals("data") ? Location.DATA : Location.SCHEMA;
            files.addAll(sqlFiles(d, loc));
        }
        for (Path d : undo) if (!dirs.contains(d)) files.addAll(sqlFiles(d, Location.UNDO));
        return files;
    }

    private static List<MigrationFile> sqlFiles(Path dir, Location location) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql"))
                    .sorted()
                    .map(p -> new MigrationFile(p, location, MigrationName.parse(p.getFileName().toString())))
                    .toList();
        }
    }

    private static SqlScript read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return SqlScript.parse(text);
        } catch (SqlLexer.LexException e) {
            throw new IOException(file + ":" + e.line + ": " + e.getMessage()
                    + "; the file cannot be split into statements, so it was not linted. Close the string or comment.", e);
        }
    }
}
