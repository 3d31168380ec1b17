package dev.trackerdb.app;

import dev.trackerdb.generated.enums.EvidenceTier;
import dev.trackerdb.generated.enums.OutletCred;
import dev.trackerdb.generated.enums.SourceType;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.time.OffsetDateTime;

import static dev.trackerdb.generated.Tables.EVENTS;
import static dev.trackerdb.generated.Tables.SIGNPOSTS;

/**
 * The tracker schema in a fresh database handed out by {@code @FreshDatabase} (copied from a
 * template migrated once per JVM by the same pipeline code the build uses), plus a few row
 * factories for tests.
 */
public final class TrackerDatabase {

    private final DSLContext db;

    public TrackerDatabase(Connection connection) {
        this.db = DSL.using(connection, SQLDialect.POSTGRES);
    }

    public DSLContext db() {
        return db;
    }

    public int event(String title, String summary, String publisher, OffsetDateTime publishedAt, EvidenceTier tier) {
        return db.insertInto(EVENTS)
                .set(EVENTS.TITLE, title)
                .set(EVENTS.SUMMARY, summary)
                .set(EVENTS.SOURCE_URL, "https://example.org/" + Math.abs((title + publishedAt).hashCode()))
                .set(EVENTS.PUBLISHER, publisher)
                .set(EVENTS.PUBLISHED_AT, publishedAt)
                .set(EVENTS.EVIDENCE_TIER, tier)
                .set(EVENTS.SOURCE_TYPE, SourceType.news)
                .set(EVENTS.OUTLET_CRED, OutletCred.valueOf(tier.name()))
                .returning(EVENTS.ID)
                .fetchOne(EVENTS.ID);
    }

    public int signpost(String code) {
        return db.insertInto(SIGNPOSTS)
                .set(SIGNPOSTS.CODE, code)
                .set(SIGNPOSTS.NAME, "Signpost " + code)
                .set(SIGNPOSTS.CATEGORY, "capabilities")
                .set(SIGNPOSTS.DIRECTION, ">=")
                .returning(SIGNPOSTS.ID)
                .fetchOne(SIGNPOSTS.ID);
    }
}
