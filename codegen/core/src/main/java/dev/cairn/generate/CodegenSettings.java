package dev.cairn.generate;

/**
 * What jOOQ generates and where: configuration as data, filled by the CLI and by Maven alike.
 *
 * @param targetPackage package of the generated classes
 * @param inputSchema   the database schema to read
 * @param excludes      jOOQ exclude pattern (regular expression over object names)
 */
public record CodegenSettings(String targetPackage, String inputSchema, String excludes) {

    public static final String DEFAULT_PACKAGE = "dev.trackerdb.generated";

    public static CodegenSettings defaults() {
        return new CodegenSettings(DEFAULT_PACKAGE, "public", "flyway_schema_history");
    }
}
