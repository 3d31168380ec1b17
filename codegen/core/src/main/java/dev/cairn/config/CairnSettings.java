package dev.cairn.config;

import dev.cairn.database.DatabaseChoice;
import dev.cairn.database.DatabaseKind;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.generate.UserGenerator;
import dev.cairn.lint.LintConfig;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.MigrationLocations;
import dev.cairn.pipeline.PipelineOptions;
import org.jooq.meta.jaxb.Generator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tool's configuration as data: every {@link Setting} resolved to one value, whichever front
 * end filled it. The Maven plugin, the CLI, the jOOQ {@code Database} and this repository's own
 * build all build one of these and hand it to the same pipeline.
 *
 * <p>Where a value comes from, first match wins: what the front end was given explicitly (the
 * pom's {@code <configuration>}, a CLI option), the system property {@code cairn.<key>}, the
 * environment variable {@code CAIRN_<KEY>}, the project's {@code cairn.properties}, the default.
 *
 * @param baseDir the project directory: relative paths are resolved against it
 * @param values  one value per setting, never null ("" for none)
 * @param sources where each value came from, for messages ("-Dcairn.force", "cairn.properties", ...)
 * @param generator jOOQ's own {@code <generator>} given inline (the Maven plugin's configuration);
 *                  the file form is {@link Setting#GENERATOR_CONFIG}
 * @param frontEnd  who runs cairn, so that advice names the user's own commands
 * @param flywayConfiguration the team's own Flyway configuration that settings were taken from
 */
public record CairnSettings(Path baseDir, Map<Setting, String> values, Map<Setting, String> sources,
                            Optional<Generator> generator, FrontEnd frontEnd, FlywayConfiguration flywayConfiguration) {

    /** The project file with settings; optional. */
    public static final String PROPERTIES_FILE = "cairn.properties";

    public CairnSettings {
        baseDir = baseDir.toAbsolutePath().normalize();
        values = Collections.unmodifiableMap(new EnumMap<>(values));
        sources = Collections.unmodifiableMap(new EnumMap<>(sources));
        if (frontEnd == null) frontEnd = FrontEnd.CLI;
        if (flywayConfiguration == null) flywayConfiguration = FlywayConfiguration.none();
    }

    public CairnSettings(Path baseDir, Map<Setting, String> values, Map<Setting, String> sources, Optional<Generator> generator) {
        this(baseDir, values, sources, generator, FrontEnd.CLI, FlywayConfiguration.none());
    }

    public CairnSettings(Path baseDir, Map<Setting, String> values, Map<Setting, String> sources, Optional<Generator> generator,
                         FrontEnd frontEnd) {
        this(baseDir, values, sources, generator, frontEnd, FlywayConfiguration.none());
    }

    /** The same settings, run by another front end. */
    public CairnSettings withFrontEnd(FrontEnd runBy) {
        return new CairnSettings(baseDir, values, sources, generator, runBy, flywayConfiguration);
    }

    /** Resolves every setting from the given sources (see the class comment for their order). */
    public static CairnSettings resolve(Path baseDir, Map<Setting, String> explicit,
                                        Map<String, String> systemProperties, Map<String, String> environment) {
        Map<String, String> file = readProjectFile(baseDir);
        FlywayConfiguration flyway = FlywayConfiguration.of(baseDir, systemProperties);
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, String> sources = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String v;
            if ((v = explicit.get(s)) != null) sources.put(s, "configuration");
            else if ((v = systemProperties.get(s.property())) != null) sources.put(s, "-D" + s.property());
            else if ((v = environment.get(s.environmentVariable())) != null) sources.put(s, "$" + s.environmentVariable());
            else if ((v = file.get(s.key())) != null) sources.put(s, PROPERTIES_FILE);
            else if ((v = flyway.values().get(s)) != null) sources.put(s, flyway.source());
            else {
                v = s.defaultValue();
                sources.put(s, "default");
            }
            // `-Dcairn.force` with no value means true, as Maven and the CLI's flags do.
            if (v.isEmpty() && isFlag(s) && !sources.get(s).equals("default")) v = "true";
            values.put(s, v.strip());
        }
        return new CairnSettings(baseDir, values, sources, Optional.empty(), FrontEnd.CLI, flyway);
    }

    /** The same settings with jOOQ's {@code <generator>} given inline. */
    public CairnSettings withGenerator(Generator inline) {
        return new CairnSettings(baseDir, values, sources, Optional.ofNullable(inline), frontEnd, flywayConfiguration);
    }

    /** The same settings with one value replaced; {@code source} says by what, for messages. */
    public CairnSettings with(Setting setting, String value, String source) {
        Map<Setting, String> v = new EnumMap<>(values);
        Map<Setting, String> src = new EnumMap<>(sources);
        v.put(setting, value);
        src.put(setting, source);
        return new CairnSettings(baseDir, v, src, generator, frontEnd, flywayConfiguration);
    }

    /** From the JVM's system properties and environment, with nothing explicit. */
    public static CairnSettings fromSystem(Path baseDir) {
        return resolve(baseDir, Map.of(), systemProperties(), System.getenv());
    }

    public static Map<String, String> systemProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        System.getProperties().forEach((k, v) -> m.put(String.valueOf(k), String.valueOf(v)));
        return m;
    }

    private static boolean isFlag(Setting s) {
        return s == Setting.FORCE || s == Setting.CHECK || s == Setting.SKIP || s == Setting.OUT_OF_ORDER
                || s == Setting.REQUIRE_ALL_UNDO || s == Setting.CI;
    }

    private static Map<String, String> readProjectFile(Path baseDir) {
        Path file = baseDir.resolve(PROPERTIES_FILE);
        Map<String, String> m = PropertiesFile.read(file);
        for (String key : m.keySet()) {
            if (Setting.byKey(key).isEmpty()) {
                throw new IllegalArgumentException(file + ": unknown setting '" + key + "'. Known: "
                        + Arrays.stream(Setting.values()).map(Setting::key).toList() + " (docs/reference.md).");
            }
        }
        return m;
    }

    public String value(Setting s) {
        return values.get(s);
    }

    public boolean isSet(Setting s) {
        return !values.get(s).isEmpty();
    }

    public List<String> list(Setting s) {
        String v = values.get(s);
        return v.isEmpty() ? List.of() : Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    public boolean flag(Setting s) {
        String v = values.get(s);
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false") || v.isEmpty()) return false;
        throw new IllegalArgumentException(s.key() + " must be true or false, not '" + v + "' (from " + sources.get(s) + ").");
    }

    public Path path(Setting s) {
        return baseDir.resolve(values.get(s)).normalize();
    }

    /**
     * The migration directories on disk. {@code filesystem:DIR} and a plain DIR are relative to the
     * project; {@code classpath:db/x} is the project's src/main/resources/db/x, where Maven keeps
     * what ends up on the class path.
     */
    public List<Path> migrationDirs() {
        List<String> locations = list(Setting.LOCATIONS);
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("locations is empty (from " + sources.get(Setting.LOCATIONS)
                    + "): name at least one migration folder.");
        }
        return locations.stream().map(this::directoryOf).toList();
    }

    private Path directoryOf(String location) {
        if (location.startsWith("filesystem:")) return baseDir.resolve(location.substring("filesystem:".length())).normalize();
        if (location.startsWith("classpath:")) {
            String rel = location.substring("classpath:".length()).replaceFirst("^/+", "");
            return baseDir.resolve("src/main/resources").resolve(rel).normalize();
        }
        if (location.contains(":") && !location.matches("^[A-Za-z]:[\\\\/].*")) {
            throw new IllegalArgumentException("Location '" + location + "' is not supported: use filesystem:DIR,"
                    + " classpath:PATH (read from src/main/resources) or a plain directory.");
        }
        return baseDir.resolve(location).normalize();
    }

    public Map<String, String> placeholders() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : list(Setting.PLACEHOLDERS)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("placeholders: '" + pair + "' is not key=value (from "
                        + sources.get(Setting.PLACEHOLDERS) + ").");
            }
            m.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return m;
    }

    public FlywaySettings flyway() {
        return new FlywaySettings(MigrationLocations.directories(migrationDirs()), list(Setting.SCHEMAS), placeholders(),
                value(Setting.TABLE), flag(Setting.OUT_OF_ORDER));
    }

    public Path undoDirectory() {
        return path(Setting.UNDO_LOCATION);
    }

    /**
     * One line on the team's Flyway configuration, when there is one: which settings came from it,
     * which of its values a setting given to cairn overrides, and which of its keys cairn does not
     * follow; empty without one.
     */
    public Optional<String> flywayLine() {
        if (flywayConfiguration.isEmpty()) return Optional.empty();
        List<String> taken = new java.util.ArrayList<>();
        List<String> overridden = new java.util.ArrayList<>();
        flywayConfiguration.values().forEach((s, v) -> {
            if (sources.get(s).equals(flywayConfiguration.source())) taken.add(s.key());
            else if (!values.get(s).equals(v)) overridden.add(s.key() + " (" + sources.get(s) + ": " + values.get(s) + "; " + flywayConfiguration.source() + ": " + v + ")");
        });
        StringBuilder b = new StringBuilder(flywayConfiguration.source() + ": ");
        b.append(taken.isEmpty() ? "no setting taken" : String.join(", ", taken) + " taken from it");
        if (!overridden.isEmpty()) b.append("; cairn's own setting wins over it for ").append(String.join(", ", overridden));
        if (!flywayConfiguration.unread().isEmpty()) b.append("; not followed by cairn yet: ").append(String.join(", ", flywayConfiguration.unread()));
        return Optional.of(b.toString());
    }

    /** What a run with these settings may do in this environment: write or check, and which shortcuts it may take. */
    public RunPolicy policy(Map<String, String> environment) {
        return RunPolicy.of(this, environment);
    }

    /**
     * What jOOQ generates: every schema in {@code schemas}, into {@code packageName}, merged with the
     * team's {@code <generator>} (inline, or the {@code generatorConfig} file; not both).
     */
    public CodegenSettings codegen() {
        CodegenSettings defaults = CodegenSettings.defaults();
        List<String> schemas = list(Setting.SCHEMAS).isEmpty() ? List.of("public") : list(Setting.SCHEMAS);
        return new CodegenSettings(value(Setting.PACKAGE_NAME), schemas,
                defaults.excludes().replace(FlywaySettings.DEFAULT_TABLE, value(Setting.TABLE)), userGenerator());
    }

    private Optional<UserGenerator> userGenerator() {
        if (generator.isPresent() && isSet(Setting.GENERATOR_CONFIG)) {
            throw new IllegalArgumentException("Both an inline <generator> and generatorConfig (" + value(Setting.GENERATOR_CONFIG)
                    + ", from " + sources.get(Setting.GENERATOR_CONFIG) + ") are given: keep one of them.");
        }
        if (generator.isPresent()) return Optional.of(UserGenerator.inline(generator.get(), "<generator>"));
        if (isSet(Setting.GENERATOR_CONFIG)) return Optional.of(UserGenerator.load(path(Setting.GENERATOR_CONFIG)));
        return Optional.empty();
    }

    public LintConfig lint() {
        LintConfig lint = LintConfig.defaults();
        if (Files.isDirectory(undoDirectory())) lint = lint.withUndoDirs(List.of(undoDirectory()));
        for (String assignment : list(Setting.LINT)) lint = lint.withSeverity(assignment);
        return lint;
    }

    /** Everything one generate needs. */
    public PipelineOptions pipelineOptions(Map<String, String> environment) {
        List<Path> dirs = migrationDirs();
        Path output = path(Setting.OUTPUT_DIRECTORY);
        PipelineOptions o = new PipelineOptions(dirs, output, codegen())
                .withFlyway(flyway())
                .withLint(lint())
                .withPolicy(policy(environment))
                .withFrontEnd(frontEnd)
                .withDatabase(value(Setting.DATABASE) + (isSet(Setting.IMAGE) ? " image=" + value(Setting.IMAGE) : ""));
        if (isSet(Setting.LOCK_FILE)) o = o.withLockFile(path(Setting.LOCK_FILE));
        if (isSet(Setting.FINGERPRINT_FILE)) o = o.withFingerprintFile(path(Setting.FINGERPRINT_FILE));
        return o;
    }

    /** The snapshot cache (a cap of 0 gives a disabled one). */
    public dev.cairn.snapshot.SnapshotCache snapshotCache(Map<String, String> environment) {
        return dev.cairn.snapshot.Snapshots.cache(value(Setting.SNAPSHOT_CACHE), value(Setting.SNAPSHOT_CACHE_SIZE), baseDir,
                environment);
    }

    public DatabaseChoice databaseChoice(Map<String, String> environment) {
        return DatabaseChoice.of(DatabaseKind.parse(value(Setting.DATABASE)), blankToNull(value(Setting.IMAGE)),
                blankToNull(value(Setting.SERVER_URL)), blankToNull(value(Setting.SERVER_USER)),
                blankToNull(value(Setting.SERVER_PASSWORD)), environment);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
