package dev.trackerdb.codegen.pipeline;

import java.time.Duration;

/** What a pipeline run did, with the time each stage took. */
public record PipelineResult(
        String database,
        int migrationsApplied,
        String schemaVersion,
        int tables,
        int enums,
        boolean outputChanged,
        Duration databaseStart,
        Duration migrate,
        Duration generate,
        Duration total) {
}
