package dev.cairn.generate;

import java.util.List;
import java.util.Optional;

/**
 * What jOOQ generates and where: configuration as data, filled by the CLI and by Maven alike.
 *
 * @param targetPackage package of the generated classes (unless the team's generator names one)
 * @param schemas       the database schemas to read, at least one
 * @param excludes      jOOQ exclude pattern (regular expression over object names): the history table
 * @param user          the team's own jOOQ {@code <generator>}, merged with ours ({@link GeneratorMerge})
 */
public record CodegenSettings(String targetPackage, List<String> schemas, String excludes, Optional<UserGenerator> user) {

    public static final String DEFAULT_PACKAGE = "org.jooq.generated"; // jOOQ's own default, as Setting.PACKAGE_NAME

    public CodegenSettings {
        schemas = List.copyOf(schemas);
        if (schemas.isEmpty()) throw new IllegalArgumentException("No schema to generate: name at least one in schemas.");
    }

    /** One schema, no generator of the team's. */
    public CodegenSettings(String targetPackage, String inputSchema, String excludes) {
        this(targetPackage, List.of(inputSchema), excludes, Optional.empty());
    }

    public static CodegenSettings defaults() {
        return new CodegenSettings(DEFAULT_PACKAGE, "public", "flyway_schema_history");
    }

    /** The first schema (Flyway's, which holds the history table). */
    public String inputSchema() {
        return schemas.getFirst();
    }

    public CodegenSettings withUser(UserGenerator generator) {
        return new CodegenSettings(targetPackage, schemas, excludes, Optional.ofNullable(generator));
    }

    /** The package the classes end up in: the team's {@code <target><packageName>}, else ours. */
    public String effectivePackage() {
        return GeneratorMerge.merge(this, java.nio.file.Path.of("<output>")).getTarget().getPackageName();
    }
}
