package dev.trackerdb.app.events;

import dev.trackerdb.generated.enums.EvidenceTier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record5;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.trackerdb.generated.Tables.EVENTS;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;

/**
 * Events by publication date range and evidence tier, newest first, paged with a keyset cursor
 * ({@code (published_at, id) < (c, cid)}) so deep pages cost the same as the first one; served by
 * idx_events_published_id / idx_events_active.
 */
public final class EventFeed {

    private final DSLContext db;

    public EventFeed(DSLContext db) {
        this.db = db;
    }

    public EventPage page(OffsetDateTime from, OffsetDateTime to, Set<EvidenceTier> tiers,
                          Optional<EventCursor> after, int limit) {
        if (limit < 1 || limit > 500) throw new IllegalArgumentException("limit must be 1..500, was " + limit);
        Condition tierFilter = tiers.isEmpty() ? noCondition() : EVENTS.EVIDENCE_TIER.in(tiers);
        Condition cursor = after.map(c -> row(EVENTS.PUBLISHED_AT, EVENTS.ID).lt(c.publishedAt(), c.id()))
                .orElse(noCondition());
        List<EventSummary> rows = db.select(EVENTS.ID, EVENTS.TITLE, EVENTS.PUBLISHER, EVENTS.PUBLISHED_AT, EVENTS.EVIDENCE_TIER)
                .from(EVENTS)
                .where(EVENTS.RETRACTED.isFalse())
                .and(EVENTS.PUBLISHED_AT.ge(from))
                .and(EVENTS.PUBLISHED_AT.lt(to))
                .and(tierFilter)
                .and(cursor)
                .orderBy(EVENTS.PUBLISHED_AT.desc(), EVENTS.ID.desc())
                .limit(limit + 1)
                .fetch(EventFeed::summary);
        if (rows.size() <= limit) return new EventPage(rows, Optional.empty());
        List<EventSummary> page = rows.subList(0, limit);
        EventSummary last = page.getLast();
        return new EventPage(List.copyOf(page), Optional.of(new EventCursor(last.publishedAt(), last.id())));
    }

    static EventSummary summary(Record5<Integer, String, String, OffsetDateTime, EvidenceTier> r) {
        return new EventSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5());
    }
}
