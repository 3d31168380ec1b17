package dev.trackerdb.app.index;

import dev.trackerdb.app.TrackerDatabase;
import dev.cairn.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static dev.trackerdb.generated.Tables.INDEX_SNAPSHOTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@FreshDatabase(per = FreshDatabase.Per.METHOD)
class IndexSnapshotsTest {

    TrackerDatabase tracker;
    static final LocalDate D = LocalDate.of(2025, 6, 1);

    @BeforeEach
    void connect(Connection connection) {
        tracker = new TrackerDatabase(connection);
    }

    static IndexSnapshot snap(String preset, LocalDate day, String overall) {
        BigDecimal v = new BigDecimal(overall);
        return new IndexSnapshot(preset, day, v, v, v, v, v, v);
    }

    @Test
    void saveIsAnUpsertOnPresetAndDate() {
        IndexSnapshots store = new IndexSnapshots(tracker.db());
        store.save(snap("equal", D, "0.25"));
        store.save(snap("equal", D, "0.30"));
        store.save(snap("aschenbrenner", D, "0.50"));

        assertEquals(2, tracker.db().fetchCount(INDEX_SNAPSHOTS));
        assertEquals(new BigDecimal("0.30"), store.latest("equal", D).orElseThrow().overall());
    }

    @Test
    void latestIsTheNewestOnOrBeforeTheDayForThatPreset() {
        IndexSnapshots store = new IndexSnapshots(tracker.db());
        store.save(snap("equal", D.minusDays(2), "0.1"));
        store.save(snap("equal", D, "0.2"));
        store.save(snap("equal", D.plusDays(1), "0.3"));
        store.save(snap("other", D, "0.9"));

        assertEquals(new BigDecimal("0.2"), store.latest("equal", D).orElseThrow().overall());
        assertEquals(new BigDecimal("0.1"), store.latest("equal", D.minusDays(1)).orElseThrow().overall());
        assertTrue(store.latest("equal", D.minusDays(5)).isEmpty());
        List<LocalDate> days = store.history("equal", D.minusDays(10), D.plusDays(10)).stream().map(IndexSnapshot::asOfDate).toList();
        assertEquals(List.of(D.minusDays(2), D, D.plusDays(1)), days);
    }
}
