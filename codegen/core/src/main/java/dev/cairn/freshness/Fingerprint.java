package dev.cairn.freshness;

import dev.cairn.files.DurableFiles;
import dev.cairn.files.FileHashCache;
import dev.cairn.files.Sha256;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.generate.JooqGenerator;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.MigrationFile;
import dev.cairn.migrate.MigrationLocations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the generated code was made from, and what it was: the codegen.fingerprint file.
 * One line per input ({@code migration <file> <sha256>}, {@code setting <name> <value>},
 * {@code tool <name> <version>}) and one per generated file ({@code generated <path> <sha256>}),
 * sorted, so the same inputs always give the same bytes.
 *
 * @param inputs    "kind name" to value, for everything that affects the output
 * @param generated generated file (relative to the source root) to its SHA-256
 */
public record Fingerprint(SortedMap<String, String> inputs, SortedMap<String, String> generated) {

    private static final String HEADER = """
            # codegen.fingerprint: the inputs of the last `cairn generate` and a hash of each file it wrote.
            # generate skips the database while this matches; CI fails when it does not. Written by generate: do not edit.
            """;

    public Fingerprint {
        inputs = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(inputs));
        generated = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(generated));
    }

    /** The inputs of a run; the generated hashes are added once the code exists ({@link #withGenerated}). */
    public static Fingerprint ofInputs(List<MigrationFile> migrations, CodegenSettings settings, ToolVersions tools) {
        return ofInputs(migrations, settings, FlywaySettings.of(new MigrationLocations(List.of("filesystem:."))), tools);
    }

    /**
     * As above, with the Flyway settings that change what the migrations build: a placeholder value,
     * the managed schemas, the history table (excluded from generation) and out-of-order. Locations
     * are not inputs themselves (they are absolute paths on this machine); the files found are.
     * Every file counts, repeatables and callbacks included: they run on each migrate.
     */
    public static Fingerprint ofInputs(List<MigrationFile> migrations, CodegenSettings settings, FlywaySettings flyway,
                                       ToolVersions tools) {
        return ofInputs(migrations, settings, flyway, tools, "");
    }

    /** @param database the settings' database kind and image ("" for none given): another server can generate other code */
    public static Fingerprint ofInputs(List<MigrationFile> migrations, CodegenSettings settings, FlywaySettings flyway,
                                       ToolVersions tools, String database) {
        SortedMap<String, String> in = new TreeMap<>();
        if (!database.isEmpty()) in.put("setting database", database);
        for (MigrationFile m : migrations) in.put("migration " + escape(m.label()), m.sha256());
        in.put("setting flyway.schemas", String.join(",", flyway.schemas()));
        in.put("setting flyway.placeholders", flyway.placeholders().toString().replace("\n", "\\n"));
        in.put("setting flyway.table", flyway.table());
        in.put("setting flyway.outOfOrder", String.valueOf(flyway.outOfOrder()));
        in.put("setting excludes", settings.excludes());
        in.put("setting inputSchema", String.join(",", settings.schemas()));
        in.put("setting targetPackage", settings.targetPackage());
        // The rest of the jOOQ configuration lives in code (JooqGenerator) and in the team's own <generator>:
        // hash the effective, merged configuration, so a change to either counts too. (A custom strategy's
        // or generator's *code* is not an input: --force after changing it.)
        in.put("setting jooq-configuration",
                Sha256.of(JooqGenerator.configuration(settings, Path.of("<output>")).toString()));
        in.putAll(tools.asInputs());
        return new Fingerprint(in, new TreeMap<>());
    }

    public Fingerprint withGenerated(SortedMap<String, String> generatedHashes) {
        return new Fingerprint(inputs, generatedHashes);
    }

    /** SHA-256 of every file below a generated source root, by relative path. */
    public static SortedMap<String, String> hashTree(Path root) throws IOException {
        return hashTree(root, FileHashCache.none());
    }

    /** As {@link #hashTree(Path)}, with content hashes remembered between runs by {@code hashes}. */
    public static SortedMap<String, String> hashTree(Path root, FileHashCache hashes) throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        hashes.hashTree(root).forEach((file, sha) -> out.put(escape(file), sha));
        return out;
    }

    /** Short id of the inputs (not the outputs), for people: "fingerprint 1a2b3c4d". */
    public String id() {
        StringBuilder sb = new StringBuilder();
        inputs.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        return Sha256.of(sb.toString()).substring(0, 8);
    }

    public long migrationCount() {
        return inputs.keySet().stream().filter(k -> k.startsWith("migration ")).count();
    }

    public String format() {
        List<String> lines = new ArrayList<>();
        inputs.forEach((k, v) -> lines.add(k + " " + v));
        generated.forEach((k, v) -> lines.add("generated " + k + " " + v));
        lines.sort(null);
        StringBuilder sb = new StringBuilder(HEADER);
        for (String l : lines) sb.append(l).append('\n');
        return sb.toString();
    }

    /** Replaces the file completely or not at all (a full disk leaves the previous fingerprint). */
    public void write(Path file) throws IOException {
        DurableFiles.replace(file, format().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the fingerprint beside {@code file} without replacing it yet, so it can be written
     * before the generated code is swapped in: {@link DurableFiles#commit} puts it in place.
     */
    public Path prepare(Path file) throws IOException {
        return DurableFiles.prepare(file, format().getBytes(StandardCharsets.UTF_8));
    }

    /** The committed fingerprint, or null when there is none (first run, or deleted). */
    public static Fingerprint read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return null;
        SortedMap<String, String> in = new TreeMap<>();
        SortedMap<String, String> gen = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] p = line.split(" ", 3);
            if (p.length < 3) continue; // unreadable line: it simply will not match, which forces a regenerate
            if (p[0].equals("generated")) gen.put(p[1], p[2]);
            else in.put(p[0] + " " + p[1], p[2]);
        }
        return new Fingerprint(in, gen);
    }

    /** Names are single tokens in the file; a space in a file name is written as %20. */
    private static String escape(String name) {
        return name.replace("%", "%25").replace(" ", "%20");
    }
}
