package dev.trackerdb.app.index;

import dev.trackerdb.generated.tables.records.IndexSnapshotsRecord;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.trackerdb.generated.Tables.INDEX_SNAPSHOTS;

/** Index snapshots: the latest per preset, history, and one row per (preset, as_of_date). */
public final class IndexSnapshots {

    private final DSLContext db;

    public IndexSnapshots(DSLContext db) {
        this.db = db;
    }

    /** Newest snapshot of a preset on or before a day (idx_index_snapshots_preset_date). */
    public Optional<IndexSnapshot> latest(String preset, LocalDate onOrBefore) {
        return db.selectFrom(INDEX_SNAPSHOTS)
                .where(INDEX_SNAPSHOTS.PRESET.eq(preset))
                .and(INDEX_SNAPSHOTS.AS_OF_DATE.le(onOrBefore))
                .orderBy(INDEX_SNAPSHOTS.AS_OF_DATE.desc())
                .limit(1)
                .fetchOptional(IndexSnapshots::snapshot);
    }

    public List<IndexSnapshot> history(String preset, LocalDate from, LocalDate to) {
        return db.selectFrom(INDEX_SNAPSHOTS)
                .where(INDEX_SNAPSHOTS.PRESET.eq(preset))
                .and(INDEX_SNAPSHOTS.AS_OF_DATE.between(from, to))
                .orderBy(INDEX_SNAPSHOTS.AS_OF_DATE)
                .fetch(IndexSnapshots::snapshot);
    }

    /**
     * One row per (preset, as_of_date): inserts, or replaces the scores of the existing row, in one
     * statement on uq_snapshots_preset_date (the original select-then-update raced).
     */
    public void save(IndexSnapshot s) {
        db.insertInto(INDEX_SNAPSHOTS)
                .set(INDEX_SNAPSHOTS.PRESET, s.preset())
                .set(INDEX_SNAPSHOTS.AS_OF_DATE, s.asOfDate())
                .set(INDEX_SNAPSHOTS.CAPABILITIES, s.capabilities())
                .set(INDEX_SNAPSHOTS.AGENTS, s.agents())
                .set(INDEX_SNAPSHOTS.INPUTS, s.inputs())
                .set(INDEX_SNAPSHOTS.SECURITY, s.security())
                .set(INDEX_SNAPSHOTS.OVERALL, s.overall())
                .set(INDEX_SNAPSHOTS.SAFETY_MARGIN, s.safetyMargin())
                .onConflict(INDEX_SNAPSHOTS.PRESET, INDEX_SNAPSHOTS.AS_OF_DATE)
                .doUpdate()
                .set(INDEX_SNAPSHOTS.CAPABILITIES, s.capabilities())
                .set(INDEX_SNAPSHOTS.AGENTS, s.agents())
                .set(INDEX_SNAPSHOTS.INPUTS, s.inputs())
                .set(INDEX_SNAPSHOTS.SECURITY, s.security())
                .set(INDEX_SNAPSHOTS.OVERALL, s.overall())
                .set(INDEX_SNAPSHOTS.SAFETY_MARGIN, s.safetyMargin())
                .execute();
    }

    private static IndexSnapshot snapshot(IndexSnapshotsRecord r) {
        return new IndexSnapshot(r.getPreset(), r.getAsOfDate(), r.getCapabilities(), r.getAgents(), r.getInputs(),
                r.getSecurity(), r.getOverall(), r.getSafetyMargin());
    }
}
