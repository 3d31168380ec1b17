package dev.trackerdb.app.events;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.util.List;

import static dev.trackerdb.generated.Tables.EVENTS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

/**
 * Full-text search on title and summary. The expressions repeat idx_events_title_fts and
 * idx_events_summary_fts exactly (to_tsvector('english', title) and
 * to_tsvector('english', COALESCE(summary, ''))), otherwise PostgreSQL cannot use the GIN indexes.
 */
public final class EventSearch {

    public static final int MAX_RESULTS = 50;

    private final DSLContext db;

    public EventSearch(DSLContext db) {
        this.db = db;
    }

    public List<EventSummary> search(String query, int limit) {
        if (query == null || query.isBlank()) throw new IllegalArgumentException("search query is empty");
        int n = Math.min(Math.max(limit, 1), MAX_RESULTS);
        return db.select(EVENTS.ID, EVENTS.TITLE, EVENTS.PUBLISHER, EVENTS.PUBLISHED_AT, EVENTS.EVIDENCE_TIER)
                .from(EVENTS)
                .where(matches(EVENTS.TITLE, query).or(matches(coalesce(EVENTS.SUMMARY, inline("")), query)))
                .and(EVENTS.RETRACTED.isFalse())
                .orderBy(EVENTS.PUBLISHED_AT.desc().nullsLast(), EVENTS.ID.desc())
                .limit(n)
                .fetch(EventFeed::summary);
    }

    static Condition matches(Field<String> document, String query) {
        return condition("to_tsvector('english', {0}) @@ plainto_tsquery('english', {1})", document, val(query));
    }
}
