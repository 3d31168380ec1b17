package dev.cairn.jooq;

import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code <database><properties>} of a jOOQ configuration read as cairn settings: the keys are
 * the settings' own names (locations, schemas, placeholders, table, outOfOrder, database, image,
 * serverUrl ...), so the same names and defaults apply as in the Maven plugin, the CLI and
 * cairn.properties (which is read too, from the base directory). Relative paths resolve against
 * {@code basedir}.
 */
final class DatabaseProperties {

    /** Not a setting: the directory relative paths start from. */
    static final String BASEDIR = "basedir";

    private DatabaseProperties() {
    }

    /**
     * @param jooqBasedir jOOQ's own base directory (the {@code <basedir>} of its configuration, which
     *                    jooq-codegen-maven sets to the project's), used when no {@code basedir} property is given
     */
    static CairnSettings settings(Properties properties, String jooqBasedir, Map<String, String> systemProperties,
                                  Map<String, String> environment) {
        Map<Setting, String> explicit = new EnumMap<>(Setting.class);
        for (String key : properties.stringPropertyNames()) {
            if (key.equals(BASEDIR)) continue;
            Setting setting = Setting.byKey(key).orElseThrow(() -> new IllegalArgumentException(
                    MigrationsDatabase.class.getSimpleName() + ": unknown property '" + key + "'. Known: " + BASEDIR + ", "
                            + String.join(", ", Arrays.stream(Setting.values()).map(Setting::key).toList())
                            + " (docs/reference.md)."));
            explicit.put(setting, properties.getProperty(key));
        }
        return CairnSettings.resolve(baseDir(properties.getProperty(BASEDIR), jooqBasedir), explicit, systemProperties,
                environment);
    }

    private static Path baseDir(String property, String jooqBasedir) {
        Path cwd = Path.of("").toAbsolutePath();
        String base = property != null && !property.isBlank() ? property
                : jooqBasedir != null && !jooqBasedir.isBlank() ? jooqBasedir : null;
        return base == null ? cwd : cwd.resolve(base).normalize();
    }
}
