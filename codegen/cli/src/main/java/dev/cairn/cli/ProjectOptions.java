package dev.cairn.cli;

import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * --project-dir and the Flyway settings, for every command that reads the migration files. Each
 * option is a {@link Setting} under its one name; what is not given comes from -Dcairn.*, CAIRN_*,
 * the project's cairn.properties or the default, as in the Maven plugin.
 */
final class ProjectOptions {

    @Option(names = "--project-dir", defaultValue = ".", paramLabel = "DIR",
            description = "Project root; relative paths and cairn.properties are read from it (default: ${DEFAULT-VALUE}).")
    Path projectDir;

    @Option(names = {"--locations", "--migrations"}, split = ",", paramLabel = "LOCATION",
            description = "Flyway locations, merged by version: filesystem:DIR, classpath:PATH (src/main/resources/PATH) or DIR"
                    + " (default: cairn.properties, else src/main/resources/db/migration).")
    List<String> locations;

    @Option(names = "--schemas", split = ",", paramLabel = "SCHEMA", description = "Schemas Flyway manages and jOOQ reads (default: public).")
    List<String> schemas;

    @Option(names = "--placeholders", split = ",", paramLabel = "KEY=VALUE", description = "Flyway placeholders.")
    List<String> placeholders;

    @Option(names = "--table", paramLabel = "TABLE", description = "Flyway's history table (default: flyway_schema_history).")
    String table;

    @Option(names = "--out-of-order", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Apply versions lower than the newest applied one.")
    String outOfOrder;

    @Option(names = "--undo-location", paramLabel = "DIR", description = "Undo scripts (default: src/main/resources/db/undo).")
    Path undoLocation;

    Path root() {
        return projectDir.toAbsolutePath().normalize();
    }

    /** What was given on the command line, by setting. */
    Map<Setting, String> explicit() {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        if (locations != null) m.put(Setting.LOCATIONS, String.join(",", locations));
        if (schemas != null) m.put(Setting.SCHEMAS, String.join(",", schemas));
        if (placeholders != null) m.put(Setting.PLACEHOLDERS, String.join(",", placeholders));
        if (table != null) m.put(Setting.TABLE, table);
        if (outOfOrder != null) m.put(Setting.OUT_OF_ORDER, outOfOrder);
        if (undoLocation != null) m.put(Setting.UNDO_LOCATION, undoLocation.toString());
        return m;
    }

    /** The settings with {@code more} options of the command on top. */
    CairnSettings settings(Map<Setting, String> more) {
        Map<Setting, String> all = explicit();
        all.putAll(more);
        return CairnSettings.resolve(root(), all, CairnSettings.systemProperties(), System.getenv());
    }

    CairnSettings settings() {
        return settings(Map.of());
    }

    /** Whether locations were given on the command line. */
    boolean locationsGiven() {
        return locations != null;
    }

    List<Path> migrationDirs() {
        return settings().migrationDirs();
    }
}
