package dev.cairn.migrate;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.database.ThrowawayPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Extensions on the embedded server: the contrib ones just work; a missing one says what to do. */
class ExtensionsTest {

    @TempDir
    Path dir;

    @Test
    void contribExtensionsWorkAndAMissingOneNamesTheImageToUse() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(m.resolve("V1__create_extensions.sql"), """
                CREATE EXTENSION IF NOT EXISTS pgcrypto;
                CREATE EXTENSION IF NOT EXISTS citext;
                CREATE EXTENSION IF NOT EXISTS hstore;
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
                CREATE EXTENSION IF NOT EXISTS btree_gin;
                CREATE TABLE IF NOT EXISTS people (
                    id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
                    email citext NOT NULL,
                    attributes hstore,
                    secret text DEFAULT encode(gen_random_bytes(8), 'hex')
                );
                CREATE INDEX IF NOT EXISTS people_email_trgm ON people USING gin ((email::text) gin_trgm_ops);
                """);
        FlywaySettings flyway = FlywaySettings.of(MigrationLocations.directories(List.of(m)));
        try (ThrowawayPostgres db = DatabaseProvider.embedded().start(); Connection c = db.connect();
             Statement s = c.createStatement()) {
            assertEquals(1, Migrator.migrate(FlywayFactory.configure(db.jdbcUrl(), db.user(), db.password(), flyway).load()).applied());
            List<String> installed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname")) {
                while (rs.next()) installed.add(rs.getString(1));
            }
            assertEquals(List.of("btree_gin", "citext", "hstore", "pg_trgm", "pgcrypto", "uuid-ossp"), installed);
            s.execute("INSERT INTO people (email) VALUES ('Ada@Example.com')");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM people WHERE email = 'ada@example.COM'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "citext compares case-insensitively");
            }

            Files.writeString(m.resolve("V2__add_people_location.sql"), """
                    -- where people are
                    CREATE EXTENSION IF NOT EXISTS postgis;
                    ALTER TABLE people ADD COLUMN IF NOT EXISTS location geography(Point);
                    """);
            MigrationFailedException e = assertThrows(MigrationFailedException.class, () ->
                    Migrator.migrate(FlywayFactory.configure(db.jdbcUrl(), db.user(), db.password(), flyway).load()));
            assertEquals("V2__add_people_location.sql", e.script());
            assertEquals(2, e.line());
            assertTrue(e.getMessage().contains("Statement: CREATE EXTENSION IF NOT EXISTS postgis"), e.getMessage());
            assertTrue(e.getMessage().contains("The embedded PostgreSQL has no postgis"), e.getMessage());
            assertTrue(e.getMessage().contains("database=testcontainers") && e.getMessage().contains("--image postgis/postgis:18-3.6"),
                    e.getMessage());

            Files.delete(m.resolve("V2__add_people_location.sql"));
            Files.writeString(m.resolve("V2__add_people_embedding.sql"), "CREATE EXTENSION IF NOT EXISTS vector;\n");
            MigrationFailedException vector = assertThrows(MigrationFailedException.class, () ->
                    Migrator.migrate(FlywayFactory.configure(db.jdbcUrl(), db.user(), db.password(), flyway).load()));
            assertTrue(vector.getMessage().contains("has no vector") && vector.getMessage().contains("--image pgvector/pgvector:pg18"),
                    vector.getMessage());
        }
    }
}
