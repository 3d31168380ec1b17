package dev.cairn.undo;

import dev.cairn.migrate.MigrationName;
import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The undo directory: {@code U<version>__<description>.sql} files, found by version ({@link MigrationName}). Files are parsed
 * only when asked for, so one unparsable script does not stop a run that could report on the others.
 */
public record UndoScripts(Path directory, SortedMap<MigrationVersion, Path> files) {

    public UndoScripts {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** The schema module's undo directory under a project root. */
    public static Path directoryOf(Path projectDir) {
        return projectDir.resolve("schema/src/main/resources/db/undo");
    }

    /**
     * Reads the file names in {@code directory} (a missing directory means no undo scripts).
     *
     * @throws UndoScriptException for two files with the same version, or a U-file whose name Flyway could
     *                             not parse as a version
     */
    public static UndoScripts in(Path directory) {
        SortedMap<MigrationVersion, Path> files = new TreeMap<>();
        if (!Files.isDirectory(directory)) return new UndoScripts(directory, files);
        List<String> problems = new ArrayList<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".sql") || !Files.isRegularFile(p)) continue;
                // The same parser as lint and lock: U1_1__x.sql undoes V1_1__x.sql (and V1.1__x.sql), version 1.1.
                Optional<MigrationName> parsed = MigrationName.parse(name).filter(n -> n.kind() == MigrationName.Kind.UNDO);
                if (parsed.isEmpty()) {
                    problems.add(name + ": not an undo script name; expected U<version>__<description>.sql");
                    continue;
                }
                MigrationVersion v = parsed.get().version();
                Path previous = files.put(v, p);
                if (previous != null) {
                    problems.add(name + " and " + previous.getFileName() + " both undo version " + v + "; keep one");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list undo scripts in " + directory, e);
        }
        if (!problems.isEmpty()) {
            throw new UndoScriptException("Undo directory " + directory + ":\n  " + String.join("\n  ", problems));
        }
        return new UndoScripts(directory, files);
    }

    public Optional<Path> file(MigrationVersion version) {
        return Optional.ofNullable(files.get(version));
    }

    /** Parses the script for {@code version}, if there is one. */
    public Optional<UndoScript> script(MigrationVersion version, UndoScriptParser parser) {
        return file(version).map(f -> parser.parse(version, description(f), f));
    }

    static String description(Path file) {
        return MigrationName.parse(file.getFileName().toString()).map(MigrationName::displayDescription).orElse("");
    }
}
