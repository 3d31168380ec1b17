package dev.cairn.catalog;

import dev.cairn.database.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two databases on one real server: the same DDL in both, then one change in the "actual" one. */
class CatalogDiffTest {

    private static final String BASE = """
            CREATE TYPE review_status AS ENUM ('draft', 'review', 'published');
            CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);
            CREATE TABLE events (
                id bigserial PRIMARY KEY,
                title varchar(200) NOT NULL,
                body text,
                confidence numeric DEFAULT 0.5,
                status review_status NOT NULL DEFAULT 'draft',
                owner_id bigint REFERENCES users (id) ON DELETE CASCADE,
                embedding real[],
                created_at timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT check_confidence_range CHECK (confidence >= 0 AND confidence <= 1)
            );
            CREATE INDEX idx_events_title_fts ON events USING gin (to_tsvector('english', title));
            CREATE INDEX idx_events_recent ON events (created_at DESC) WHERE status = 'published';
            CREATE SEQUENCE ticket_seq INCREMENT 10;
            CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY);
            """;

    private static EmbeddedPostgres pg;
    private static final AtomicInteger counter = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() {
        if (pg != null) pg.close();
    }

    @Test
    void identicalDatabasesHaveNoDifferences() throws Exception {
        assertEquals(List.of(), diff(""));
        try (Connection c = database("same")) {
            CatalogSnapshot s = CatalogSnapshot.read(c, "public");
            assertEquals(List.of("events", "users"), List.copyOf(s.tables().keySet()), "flyway_schema_history excluded");
            assertEquals(List.of("idx_events_recent", "idx_events_title_fts"), List.copyOf(s.indexes().keySet()));
            assertEquals(List.of("draft", "review", "published"), s.enums().get("review_status"));
            assertEquals("character varying(200)", s.tables().get("events").columns().get("title").type());
            assertEquals("created_at DESC", s.indexes().get("idx_events_recent").keys().get(0));
            assertEquals("status = 'published'::review_status", s.indexes().get("idx_events_recent").predicate());
            assertEquals("CASCADE", s.tables().get("events").constraints().get("events_owner_id_fkey").onDelete());
            assertTrue(s.sequences().containsKey("ticket_seq"));
            assertTrue(s.sameAs(s));
        }
    }

    @Test
    void missingAndExtraColumns() throws Exception {
        assertEquals(List.of("table events: column embedding missing", "table events: column extra_note extra (text)"),
                diff("ALTER TABLE events DROP COLUMN embedding; ALTER TABLE events ADD COLUMN extra_note text;"));
    }

    @Test
    void columnTypeNullabilityAndDefault() throws Exception {
        assertEquals(List.of(
                        "table events: column body not null, expected nullable",
                        "table events: column confidence default 0.7, expected 0.5",
                        "table events: column title type text, expected character varying(200)",
                        // the index expression follows the column's type
                        "index idx_events_title_fts differs: expected ON events USING gin (to_tsvector('english'::regconfig, (title)::text))"
                                + " actual ON events USING gin (to_tsvector('english'::regconfig, title))"),
                diff("""
                        ALTER TABLE events ALTER COLUMN title TYPE text;
                        ALTER TABLE events ALTER COLUMN body SET NOT NULL;
                        ALTER TABLE events ALTER COLUMN confidence SET DEFAULT 0.7;
                        """));
    }

    @Test
    void indexMissingExtraAndChanged() throws Exception {
        assertEquals(List.of(
                        "index idx_events_body extra",
                        "index idx_events_recent differs: expected ON events USING btree (created_at DESC) WHERE (status = 'published'::review_status)"
                                + " actual ON events USING btree (created_at DESC) WHERE (status = 'review'::review_status)",
                        "index idx_events_title_fts missing"),
                diff("""
                        DROP INDEX idx_events_title_fts;
                        DROP INDEX idx_events_recent;
                        CREATE INDEX idx_events_recent ON events (created_at DESC) WHERE status = 'review';
                        CREATE INDEX idx_events_body ON events (body);
                        """));
    }

    @Test
    void checkChangedAndNotValid() throws Exception {
        assertEquals(List.of("table events: check check_confidence_range differs: expected (confidence >= 0::numeric AND confidence <= 1::numeric)"
                        + " actual (confidence >= 0::numeric AND confidence <= 100::numeric)"),
                diff("""
                        ALTER TABLE events DROP CONSTRAINT check_confidence_range;
                        ALTER TABLE events ADD CONSTRAINT check_confidence_range CHECK (confidence >= 0 AND confidence <= 100);
                        """));
        assertEquals(List.of("table events: check check_confidence_range NOT VALID, expected validated"),
                diff("""
                        ALTER TABLE events DROP CONSTRAINT check_confidence_range;
                        ALTER TABLE events ADD CONSTRAINT check_confidence_range CHECK (confidence >= 0 AND confidence <= 1) NOT VALID;
                        """));
    }

    @Test
    void keysChanged() throws Exception {
        List<String> d = diff("""
                ALTER TABLE events DROP CONSTRAINT events_owner_id_fkey;
                ALTER TABLE events ADD CONSTRAINT events_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES users (id)
                    ON DELETE SET NULL DEFERRABLE;
                ALTER TABLE users DROP CONSTRAINT users_email_key;
                ALTER TABLE users ADD CONSTRAINT users_email_title_key UNIQUE (email, id);
                """);
        assertEquals(List.of(
                "table events: foreign key events_owner_id_fkey differs: expected FOREIGN KEY (owner_id) REFERENCES users(id)"
                        + " ON UPDATE NO ACTION ON DELETE CASCADE actual FOREIGN KEY (owner_id) REFERENCES users(id)"
                        + " ON UPDATE NO ACTION ON DELETE SET NULL DEFERRABLE",
                "table users: unique users_email_key missing",
                "table users: unique users_email_title_key extra: UNIQUE (email, id)"), d);
    }

    @Test
    void enumsTablesAndSequences() throws Exception {
        assertEquals(List.of(
                        "table foo extra",
                        "enum review_status: values [draft, review, published, archived] expected [draft, review, published]",
                        "sequence ticket_seq: increment 1, expected 10"),
                diff("""
                        ALTER TYPE review_status ADD VALUE 'archived';
                        CREATE TABLE foo (x int);
                        ALTER SEQUENCE ticket_seq INCREMENT 1;
                        """));
        assertEquals(List.of("table events: foreign key events_owner_id_fkey missing", "table users missing"),
                diff("DROP TABLE users CASCADE"));
    }

    @Test
    void orderIsDeterministic() throws Exception {
        String change = "CREATE TABLE zzz (a int); CREATE TABLE aaa (a int); DROP INDEX idx_events_recent;";
        List<String> first = diff(change);
        assertEquals(first, diff(change));
        assertEquals(List.of("table aaa extra", "table zzz extra", "index idx_events_recent missing"), first);
    }

    /** Creates two databases from BASE, applies {@code change} to the second, returns the diff lines. */
    private static List<String> diff(String change) throws SQLException {
        int n = counter.incrementAndGet();
        try (Connection expected = database("e" + n); Connection actual = database("a" + n)) {
            if (!change.isBlank()) exec(actual, change);
            CatalogDiff d = CatalogDiff.between(CatalogSnapshot.read(expected, "public"), CatalogSnapshot.read(actual, "public"));
            assertEquals(change.isBlank(), d.isEmpty());
            return d.lines();
        }
    }

    private static Connection database(String name) throws SQLException {
        try (Connection admin = pg.connect(); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        Connection c = DriverManager.getConnection(pg.jdbcUrl().replace("/postgres", "/" + name), pg.user(), pg.password());
        exec(c, BASE);
        assertFalse(c.isClosed());
        return c;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
