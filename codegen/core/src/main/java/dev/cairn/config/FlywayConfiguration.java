package dev.cairn.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The team's own Flyway configuration, read as cairn's settings where the two mean the same thing,
 * so that locations, schemas, the history table, placeholders and out-of-order need not be
 * repeated: {@code flyway.*} keys as flyway-maven-plugin's {@code <configuration>} and
 * {@code -Dflyway.*} give them (the plugin passes them on), else the project's {@code flyway.conf}.
 * A setting given to cairn wins (see {@link CairnSettings#resolve}); keys that change which files
 * Flyway runs and that cairn does not follow yet are named, never silently dropped.
 *
 * @param values   cairn's settings, from Flyway's keys
 * @param source   where they came from, for messages ("flyway-maven-plugin", "flyway.conf")
 * @param unread   Flyway keys set there that cairn does not read (sqlMigrationPrefix, encoding, ...)
 */
public record FlywayConfiguration(Map<Setting, String> values, String source, List<String> unread) {

    /** The project file flyway's command line reads; Java properties with {@code flyway.} keys. */
    public static final String CONF_FILE = "flyway.conf";

    /** Keys the team may set that change which files run, or how; cairn does not follow them yet. */
    private static final List<String> NOT_FOLLOWED = List.of("sqlMigrationPrefix", "sqlMigrationSeparator",
            "sqlMigrationSuffixes", "repeatableSqlMigrationPrefix", "encoding", "ignoreMigrationPatterns", "baselineVersion",
            "baselineOnMigrate", "callbacks", "initSql", "createSchemas");

    public FlywayConfiguration {
        Map<Setting, String> copy = new EnumMap<>(Setting.class);
        copy.putAll(values);
        values = java.util.Collections.unmodifiableMap(copy);
        unread = List.copyOf(unread);
    }

    public static FlywayConfiguration none() {
        return new FlywayConfiguration(Map.of(), "", List.of());
    }

    /**
     * The configuration for a project: the project's flyway.conf, with the {@code flyway.*} entries of
     * {@code properties} on top (the Maven plugin puts flyway-maven-plugin's configuration and
     * {@code -Dflyway.*} there); none when neither has any.
     */
    public static FlywayConfiguration of(Path baseDir, Map<String, String> properties) {
        // As Flyway merges them: the project's flyway.conf, then what the build gives on top.
        Map<String, String> keys = new TreeMap<>(conf(baseDir.resolve(CONF_FILE)));
        String source = keys.isEmpty() ? "" : CONF_FILE;
        boolean given = false;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (!e.getKey().startsWith("flyway.")) continue;
            keys.put(e.getKey(), e.getValue());
            given = true;
        }
        if (given) {
            String build = properties.getOrDefault(SOURCE_PROPERTY, "flyway-maven-plugin");
            source = source.isEmpty() ? build : build + " and " + CONF_FILE;
        }
        return keys.isEmpty() ? none() : fromKeys(keys, source);
    }

    private static Map<String, String> conf(Path file) {
        Map<String, String> keys = new TreeMap<>();
        PropertiesFile.read(file).forEach((k, v) -> keys.put(k.strip(), v.strip()));
        return keys;
    }

    /** The property under which the Maven plugin says where its {@code flyway.*} entries came from. */
    public static final String SOURCE_PROPERTY = "cairn.flywayConfigurationSource";

    static FlywayConfiguration fromKeys(Map<String, String> keys, String source) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        List<String> schemas = new ArrayList<>(list(keys.get("flyway.schemas")));
        String defaultSchema = keys.getOrDefault("flyway.defaultSchema", "").strip();
        if (!defaultSchema.isEmpty()) {
            // Flyway's default schema holds the history table: cairn's is the first of its schemas.
            schemas.remove(defaultSchema);
            schemas.addFirst(defaultSchema);
        }
        if (!schemas.isEmpty()) values.put(Setting.SCHEMAS, String.join(",", new LinkedHashSet<>(schemas)));
        if (!list(keys.get("flyway.locations")).isEmpty()) {
            values.put(Setting.LOCATIONS, String.join(",", list(keys.get("flyway.locations"))));
        }
        String table = keys.getOrDefault("flyway.table", "").strip();
        if (!table.isEmpty()) values.put(Setting.TABLE, table);
        String outOfOrder = keys.getOrDefault("flyway.outOfOrder", "").strip();
        if (!outOfOrder.isEmpty()) values.put(Setting.OUT_OF_ORDER, outOfOrder);
        Map<String, String> placeholders = new LinkedHashMap<>();
        keys.forEach((k, v) -> {
            if (k.startsWith("flyway.placeholders.")) placeholders.put(k.substring("flyway.placeholders.".length()), v);
        });
        if (!placeholders.isEmpty()) {
            values.put(Setting.PLACEHOLDERS, String.join(",", placeholders.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        List<String> unread = NOT_FOLLOWED.stream().filter(k -> keys.containsKey("flyway." + k)).map(k -> "flyway." + k).toList();
        return new FlywayConfiguration(values, source, unread);
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) return List.of();
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public boolean isEmpty() {
        return values.isEmpty() && unread.isEmpty();
    }
}
