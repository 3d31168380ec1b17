package dev.trackerdb.app.events;

import dev.trackerdb.app.TrackerDatabase;
import dev.cairn.testing.FreshDatabase;
import dev.trackerdb.generated.enums.EvidenceTier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.trackerdb.generated.Tables.EVENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@FreshDatabase(per = FreshDatabase.Per.METHOD)
class EventFeedTest {

    TrackerDatabase tracker;
    static final OffsetDateTime T0 = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @BeforeEach
    void connect(Connection connection) {
        tracker = new TrackerDatabase(connection);
    }

    @Test
    void pagesThroughADateRangeNewestFirstWithoutGapsOrRepeats() {
        // 25 events, three of them sharing one timestamp so the cursor's id tie-break matters.
        for (int i = 0; i < 25; i++) {
            OffsetDateTime at = i < 3 ? T0.plusDays(10) : T0.plusDays(i);
            tracker.event("event " + i, null, "pub", at, i % 2 == 0 ? EvidenceTier.A : EvidenceTier.B);
        }
        EventFeed feed = new EventFeed(tracker.db());
        List<EventSummary> seen = new ArrayList<>();
        Optional<EventCursor> cursor = Optional.empty();
        int pages = 0;
        do {
            EventPage page = feed.page(T0, T0.plusYears(1), Set.of(), cursor, 10);
            seen.addAll(page.events());
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());

        assertEquals(3, pages);
        assertEquals(25, seen.size());
        assertEquals(25, new HashSet<>(seen.stream().map(EventSummary::id).toList()).size(), "no repeats");
        for (int i = 1; i < seen.size(); i++) {
            EventSummary prev = seen.get(i - 1);
            EventSummary cur = seen.get(i);
            int cmp = prev.publishedAt().compareTo(cur.publishedAt());
            assertTrue(cmp > 0 || (cmp == 0 && prev.id() > cur.id()), "ordered by (published_at, id) desc at " + i);
        }
    }

    @Test
    void filtersByTierAndRangeAndHidesRetractedEvents() {
        int a = tracker.event("a in range", null, "p", T0.plusDays(1), EvidenceTier.A);
        tracker.event("b in range", null, "p", T0.plusDays(2), EvidenceTier.B);
        tracker.event("a too late", null, "p", T0.plusDays(40), EvidenceTier.A);
        int retracted = tracker.event("a retracted", null, "p", T0.plusDays(3), EvidenceTier.A);
        tracker.db().update(EVENTS).set(EVENTS.RETRACTED, true).where(EVENTS.ID.eq(retracted)).execute();

        EventPage page = new EventFeed(tracker.db()).page(T0, T0.plusDays(30), Set.of(EvidenceTier.A), Optional.empty(), 10);

        assertEquals(List.of(a), page.events().stream().map(EventSummary::id).toList());
        assertTrue(page.next().isEmpty());
    }

    @Test
    void rejectsAnUnboundedPage() {
        assertThrows(IllegalArgumentException.class,
                () -> new EventFeed(tracker.db()).page(T0, T0, Set.of(), Optional.empty(), 0));
    }
}
