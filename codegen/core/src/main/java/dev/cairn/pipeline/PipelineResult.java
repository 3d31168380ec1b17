package dev.cairn.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * What a pipeline run did, with the time each stage took. Database fields are empty/zero when the
 * database stages were skipped (up to date, or a check that failed before needing them).
 *
 * @param outcome     what happened
 * @param fingerprint short id of the inputs, e.g. 1a2b3c4d
 * @param findings    for {@link Outcome#STALE}: the message to show, one entry per paragraph
 * @param reused      migrations taken from a snapshot instead of applied; 0 for a run from zero
 */
public record PipelineResult(
        Outcome outcome,
        String fingerprint,
        List<String> findings,
        String database,
        int migrationsApplied,
        String schemaVersion,
        int tables,
        int enums,
        boolean outputChanged,
        Duration databaseStart,
        Duration migrate,
        Duration generate,
        Duration total,
        int reused) {

    public enum Outcome {
        /** Fingerprint and generated files matched: no database was started. */
        UP_TO_DATE,
        /** The pipeline ran and wrote generated/ (if it differed) and the fingerprint. */
        GENERATED,
        /** Check mode ran the pipeline and the committed code matched. */
        MATCHES,
        /** Check mode: generated/ or its fingerprint is behind the migrations, or was edited by hand. */
        STALE
    }

    public PipelineResult {
        findings = List.copyOf(findings);
    }

    /** Whether the migrations ran on an empty database (none taken from a snapshot). */
    public boolean fromZero() {
        return reused == 0;
    }

    public boolean ok() {
        return outcome != Outcome.STALE;
    }

    static PipelineResult withoutDatabase(Outcome outcome, String fingerprint, List<String> findings, Duration total) {
        return new PipelineResult(outcome, fingerprint, findings, null, 0, null, 0, 0, false,
                Duration.ZERO, Duration.ZERO, Duration.ZERO, total, 0);
    }
}
