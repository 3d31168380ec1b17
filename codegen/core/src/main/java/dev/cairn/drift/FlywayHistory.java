package dev.cairn.drift;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

import java.util.ArrayList;
import java.util.List;

/**
 * Flyway's view of a live database against the migration files, from {@code info()} alone (it only
 * reads the history table). An edited applied file shows up as a checksum mismatch, the same check
 * {@code validate()} makes, without validate's all-or-nothing exception.
 *
 * @param current  the live database's schema version (null when nothing is applied)
 * @param applied  successfully applied migrations that still have their file
 * @param pending  files not yet applied
 * @param unknown  applied in the database but without a file (deleted, renamed, or from another branch)
 * @param checksumMismatches applied migrations whose file was edited afterwards
 * @param failed   failed entries in the history table
 */
public record FlywayHistory(String current, List<Entry> applied, List<Entry> pending, List<Entry> unknown,
                            List<Entry> checksumMismatches, List<Entry> failed, List<String> resolvedVersions) {

    public record Entry(String version, String description, String script, String state) {
        /** e.g. {@code 3 add events (V3__add_events.sql)}. */
        public String display() {
            return (version != null ? version + " " : "") + description + (script != null ? " (" + script + ")" : "");
        }
    }

    public FlywayHistory {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        unknown = List.copyOf(unknown);
        checksumMismatches = List.copyOf(checksumMismatches);
        failed = List.copyOf(failed);
        resolvedVersions = List.copyOf(resolvedVersions);
    }

    public static FlywayHistory read(Flyway flyway) {
        var info = flyway.info();
        List<Entry> applied = new ArrayList<>();
        List<Entry> pending = new ArrayList<>();
        List<Entry> unknown = new ArrayList<>();
        List<Entry> mismatches = new ArrayList<>();
        List<Entry> failed = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        for (MigrationInfo m : info.all()) {
            MigrationState state = m.getState();
            Entry e = new Entry(m.getVersion() != null ? m.getVersion().getVersion() : null, m.getDescription(),
                    m.getScript(), state.getDisplayName());
            if (state.isResolved() && m.getVersion() != null) resolved.add(m.getVersion().getVersion());
            if (state.isFailed()) failed.add(e);
            if (state.isApplied() && !state.isResolved()) {
                unknown.add(e);
            } else if (state == MigrationState.PENDING || state == MigrationState.IGNORED || state == MigrationState.OUTDATED) {
                pending.add(e); // IGNORED: a file below the current version that never ran; OUTDATED: an edited repeatable
            } else if (state.isApplied() && !state.isFailed()) {
                applied.add(e);
                if (m.isVersioned() && !m.isChecksumMatching()) mismatches.add(e);
            }
        }
        MigrationInfo current = info.current();
        String currentVersion = current != null && current.getVersion() != null ? current.getVersion().getVersion() : null;
        return new FlywayHistory(currentVersion, applied, pending, unknown, mismatches, failed, resolved);
    }

    /** Problems: pending, unknown, edited and failed migrations. */
    public int findings() {
        return pending.size() + unknown.size() + checksumMismatches.size() + failed.size();
    }

    /**
     * The version the expected schema should be built to: the highest migration file at or below the
     * live database's version (a version applied there but missing here cannot be a target).
     */
    public String targetVersion() {
        if (current == null) return null;
        MigrationVersion live = MigrationVersion.fromVersion(current);
        return resolvedVersions.stream().map(MigrationVersion::fromVersion)
                .filter(v -> v.compareTo(live) <= 0)
                .max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion)
                .orElse(null);
    }
}
