package dev.cairn.config;

import java.util.Locale;

/**
 * Every setting of the tool, with one name that each front end spells its own way: the pom's
 * {@code <outputDirectory>}, the property {@code -Dcairn.outputDirectory}, the environment variable
 * {@code CAIRN_OUTPUT_DIRECTORY}, the CLI option {@code --output-directory} and the key
 * {@code outputDirectory} in the project's {@code cairn.properties}. The reference table in
 * docs/reference.md is generated from this list ({@code SettingsReference}).
 */
public enum Setting {
    LOCATIONS("locations", "filesystem:src/main/resources/db/migration",
            "Flyway locations, comma-separated, merged by version. `filesystem:DIR` or a plain DIR (relative to the project);"
                    + " `classpath:db/x` means src/main/resources/db/x of the project."),
    SCHEMAS("schemas", "public",
            "Schemas Flyway manages (the first holds its history table) and jOOQ generates, comma-separated."),
    PLACEHOLDERS("placeholders", "",
            "Flyway placeholders, `key=value` pairs, comma-separated (pom: `<placeholders><key>value</key></placeholders>`)."),
    TABLE("table", "flyway_schema_history", "Flyway's history table; never generated."),
    OUT_OF_ORDER("outOfOrder", "false", "Let Flyway apply a migration whose version is lower than the newest applied one."),
    UNDO_LOCATION("undoLocation", "src/main/resources/db/undo",
            "Directory of the undo scripts (`U<version>__<description>.sql`) that verify-undo proves."),
    REQUIRE_ALL_UNDO("requireAllUndo", "false", "verify-undo: a version without an undo script fails, not only a note."),
    OUTPUT_DIRECTORY("outputDirectory", "target/generated-sources/jooq",
            "Where the generated classes go; replaced as a whole, only after a successful run."),
    PACKAGE_NAME("packageName", "org.jooq.generated", "Package of the generated classes (jOOQ's `<target><packageName>`)."),
    GENERATOR_CONFIG("generatorConfig", "",
            "A jOOQ codegen XML file (`<configuration>` or `<generator>`): strategy, forced types, POJOs, Kotlin..."
                    + " merged with the settings that keep the output reproducible (docs/use-it.md)."),
    LOCK_FILE("lockFile", "", "The migration lock (default: migrations.lock beside the first location's folder)."),
    FINGERPRINT_FILE("fingerprintFile", "",
            "Inputs of the last generate and hashes of its files (default: codegen.fingerprint beside the output's module)."),
    DATABASE("database", "auto", "Where the throwaway PostgreSQL comes from: auto, embedded, testcontainers, server, offline."),
    IMAGE("image", "", "Docker image for testcontainers (default: postgres:<major of the embedded binaries>), e.g. postgis/postgis:18-3.6."),
    SERVER_URL("serverUrl", "", "An existing server for `database=server` (a user with CREATEDB); a temporary database is created and dropped."),
    SERVER_USER("serverUser", "", "User for serverUrl (default: from the URL, then PGUSER)."),
    SERVER_PASSWORD("serverPassword", "", "Password for serverUrl (default: from the URL, then PGPASSWORD). Never printed."),
    LINT("lint", "", "Lint rule severities, `rule=error|warning|info|off`, comma-separated."),
    SNAPSHOT_CACHE("snapshotCache", "",
            "Directory of migrated-database snapshots (default: `$XDG_CACHE_HOME/cairn/snapshots`, else `~/.cache/cairn/snapshots`);"
                    + " embedded database only (docs/snapshots.md)."),
    SNAPSHOT_CACHE_SIZE("snapshotCacheSize", "1g",
            "Size cap of the snapshot cache (`512m`, `2g`); least recently used snapshots go first. `0` turns snapshots off."),
    DAEMON("daemon", "30m",
            "How long the warm engine that runs this project's next generate waits before it exits (`30m`, `2h`);"
                    + " `off` runs every generate in its own JVM, `stop` also stops the project's warm engine. Never with CI=true or check (docs/snapshots.md)."),
    FORCE("force", "false", "Regenerate even when the fingerprint says nothing changed; migrates from zero and uses no"
            + " snapshot, stamp, cache or warm engine."),
    CHECK("check", "false", "Write nothing; fail when the generated code, its fingerprint or the lock is behind."
            + " On in CI, unless the output lies under the project's target/."),
    CI("ci", "auto", "Whether this is a CI build: `auto` (`CI=true`, or a variable that Jenkins, TeamCity, Azure Pipelines, Bamboo,"
            + " Buildkite or GitLab sets), `true` or `false`. CI migrates from zero, writes no lock and uses no snapshot, stamp,"
            + " cache or warm engine (docs/freshness.md)."),
    SKIP("skip", "false", "Skip the goal.");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The name in the pom and in cairn.properties, e.g. {@code outputDirectory}. */
    public String key() {
        return key;
    }

    /** {@code cairn.outputDirectory}. */
    public String property() {
        return "cairn." + key;
    }

    /** {@code CAIRN_OUTPUT_DIRECTORY}. */
    public String environmentVariable() {
        return "CAIRN_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** {@code --output-directory}. */
    public String option() {
        return "--" + key.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static java.util.Optional<Setting> byKey(String key) {
        for (Setting s : values()) if (s.key.equals(key)) return java.util.Optional.of(s);
        return java.util.Optional.empty();
    }
}
