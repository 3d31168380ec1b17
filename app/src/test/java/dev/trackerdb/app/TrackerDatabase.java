package dev.trackerdb.app;

import dev.trackerdb.codegen.database.EmbeddedPostgres;
import dev.trackerdb.codegen.migrate.FlywayFactory;
import dev.trackerdb.codegen.migrate.MigrationLocations;
import dev.trackerdb.codegen.migrate.Migrator;
import dev.trackerdb.generated.enums.EvidenceTier;
import dev.trackerdb.generated.enums.OutletCred;
import dev.trackerdb.generated.enums.SourceType;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import static dev.trackerdb.generated.Tables.EVENTS;
import static dev.trackerdb.generated.Tables.SIGNPOSTS;

/**
 * A throwaway PostgreSQL migrated from the packaged schema jar, by the same pipeline code the
 * build uses, plus a few row factories for tests.
 */
public final class TrackerDatabase implements AutoCloseable {

    private final EmbeddedPostgres pg;
    private final Connection connection;
    private final DSLContext db;

    private TrackerDatabase(EmbeddedPostgres pg) throws SQLException {
        this.pg = pg;
        this.connection = pg.connect();
        this.db = DSL.using(connection, SQLDialect.POSTGRES);
    }

    public static TrackerDatabase start() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.start();
        try {
            Migrator.migrate(FlywayFactory.configure(pg.jdbcUrl(), pg.user(), pg.password(),
                    MigrationLocations.classpath()).load());
            return new TrackerDatabase(pg);
        } catch (Exception | Error e) {
            pg.close();
            throw e;
        }
    }

    public DSLContext db() {
        return db;
    }

    /** Empties the application tables between tests; the schema stays. */
    public void truncateAll() {
        db.execute("DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename <> 'flyway_schema_history' LOOP EXECUTE format('TRUNCATE %I RESTART IDENTITY CASCADE', t);"
                + " END LOOP; END $$");
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

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            pg.close();
        }
    }
}
