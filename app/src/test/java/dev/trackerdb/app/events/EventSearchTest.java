package dev.trackerdb.app.events;

import dev.trackerdb.app.TrackerDatabase;
import dev.cairn.testing.FreshDatabase;
import dev.trackerdb.generated.enums.EvidenceTier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import static dev.trackerdb.generated.Tables.EVENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@FreshDatabase(per = FreshDatabase.Per.METHOD)
class EventSearchTest {

    TrackerDatabase tracker;
    static final OffsetDateTime T0 = OffsetDateTime.of(2025, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @BeforeEach
    void connect(Connection connection) {
        tracker = new TrackerDatabase(connection);
    }

    @Test
    void findsWordsInTitleOrSummaryWithStemmingNewestFirst() {
        int title = tracker.event("Model solves olympiad geometry", null, "p", T0.plusDays(1), EvidenceTier.A);
        int summary = tracker.event("Weekly roundup", "New benchmarks for olympiad problems", "p", T0.plusDays(2), EvidenceTier.B);
        tracker.event("Chip export rules", "Nothing about maths", "p", T0.plusDays(3), EvidenceTier.B);
        int retracted = tracker.event("Olympiad claim withdrawn", null, "p", T0.plusDays(4), EvidenceTier.C);
        tracker.db().update(EVENTS).set(EVENTS.RETRACTED, true).where(EVENTS.ID.eq(retracted)).execute();
        EventSearch search = new EventSearch(tracker.db());

        assertEquals(List.of(summary, title), ids(search.search("olympiad", 10)), "title or summary, newest first");
        assertEquals(List.of(summary), ids(search.search("benchmark", 10)), "stemmed: benchmarks matches benchmark");
        assertEquals(List.of(), ids(search.search("quantum", 10)));
    }

    private static List<Integer> ids(List<EventSummary> events) {
        return events.stream().map(EventSummary::id).toList();
    }

    @Test
    void usesTheGinIndexesOfTheMigrations() {
        tracker.event("Model solves olympiad geometry", "summary", "p", T0, EvidenceTier.A);
        String plan = tracker.db().transactionResult(cfg -> {
            cfg.dsl().execute("SET LOCAL enable_seqscan = off");
            return cfg.dsl().fetch("EXPLAIN " + tracker.db().renderInlined(
                    tracker.db().select(EVENTS.ID).from(EVENTS).where(EventSearch.matches(EVENTS.TITLE, "geometry")
                            .or(EventSearch.matches(org.jooq.impl.DSL.coalesce(EVENTS.SUMMARY, org.jooq.impl.DSL.inline("")), "geometry")))))
                    .stream().map(r -> r.get(0, String.class)).collect(Collectors.joining("\n"));
        });
        assertTrue(plan.contains("idx_events_title_fts"), plan);
        assertTrue(plan.contains("idx_events_summary_fts"), plan);
    }

}
