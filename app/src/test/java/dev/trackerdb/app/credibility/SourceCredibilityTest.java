package dev.trackerdb.app.credibility;

import dev.trackerdb.app.TrackerDatabase;
import dev.cairn.testing.FreshDatabase;
import dev.trackerdb.generated.enums.EvidenceTier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static dev.trackerdb.generated.Tables.EVENTS;
import static dev.trackerdb.generated.Tables.SOURCE_CREDIBILITY_SNAPSHOTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@FreshDatabase(per = FreshDatabase.Per.METHOD)
class SourceCredibilityTest {

    TrackerDatabase tracker;

    @BeforeEach
    void seed(Connection connection) {
        tracker = new TrackerDatabase(connection);
        OffsetDateTime t = OffsetDateTime.now();
        for (int i = 0; i < 40; i++) tracker.event("steady " + i, null, "Steady News", t.minusHours(i), EvidenceTier.B);
        for (int i = 0; i < 10; i++) {
            int id = tracker.event("shaky " + i, null, "Shaky Blog", t.minusHours(i), EvidenceTier.C);
            if (i < 4) tracker.db().update(EVENTS).set(EVENTS.RETRACTED, true).where(EVENTS.ID.eq(id)).execute();
        }
        tracker.event("rumour", null, "Rumour Mill", t, EvidenceTier.D); // D-tier events do not count
    }

    @Test
    void ranksPublishersByTheirRetractionRecord() {
        List<PublisherCredibility> all = new SourceCredibility(tracker.db()).current();

        assertEquals(List.of("Steady News", "Shaky Blog"), all.stream().map(PublisherCredibility::publisher).toList());
        PublisherCredibility shaky = all.get(1);
        assertEquals(10, shaky.totalArticles());
        assertEquals(4, shaky.retracted());
        assertEquals(new BigDecimal("0.4000"), shaky.retractionRate());
        assertEquals("D", shaky.tier());
        assertTrue(all.get(0).credibilityScore().compareTo(new BigDecimal("0.9")) > 0, all.get(0).toString());
    }

    @Test
    void oneSnapshotRowPerPublisherAndDay() {
        SourceCredibility credibility = new SourceCredibility(tracker.db());
        LocalDate today = LocalDate.of(2025, 7, 1);
        credibility.snapshot(today);
        tracker.db().update(EVENTS).set(EVENTS.RETRACTED, true).where(EVENTS.PUBLISHER.eq("Steady News")).execute();
        credibility.snapshot(today);

        assertEquals(2, tracker.db().fetchCount(SOURCE_CREDIBILITY_SNAPSHOTS));
        PublisherCredibility steady = credibility.history("Steady News", today).getFirst();
        assertEquals(40, steady.retracted(), "second run of the day replaced the first");
    }
}
