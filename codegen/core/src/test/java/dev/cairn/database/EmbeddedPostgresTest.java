package dev.cairn.database;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedPostgresTest {

    @Test
    void startsARealServerAndLeavesNothingBehind() throws Exception {
        long pid;
        Path workDir;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            pid = pg.pid();
            workDir = pg.workDir();
            assertTrue(Files.isDirectory(workDir.resolve("data")), "data directory exists while running");
            try (Connection c = pg.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int, current_user")) {
                rs.next();
                assertTrue(rs.getInt(1) >= 170000, "a current PostgreSQL major");
                assertEquals("postgres", rs.getString(2));
            }
            if (UnprivilegedUser.isRoot()) {
                String owner = Files.getOwner(workDir.resolve("data")).getName();
                assertFalse(owner.equals("root"), "as root, the server runs as an unprivileged user, not " + owner);
            }
        }
        long stillAlive = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).stream().count();
        assertEquals(0, stillAlive, "server process " + pid + " is gone");
        assertFalse(Files.exists(workDir), "work directory " + workDir + " is removed");
    }

    @Test
    void twoServersRunSideBySide() throws Exception {
        try (EmbeddedPostgres a = EmbeddedPostgres.start(); EmbeddedPostgres b = EmbeddedPostgres.start()) {
            assertFalse(a.jdbcUrl().equals(b.jdbcUrl()), "each server has its own port");
            try (Connection ca = a.connect(); Statement s = ca.createStatement()) {
                s.execute("CREATE TABLE only_in_a (id int)");
            }
            try (Connection cb = b.connect(); Statement s = cb.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @Test
    void laterServersStartFromTheCachedInitdbOutputAndWork() throws Exception {
        try (EmbeddedPostgres first = EmbeddedPostgres.start()) {
            // the first start of this JVM may or may not find a cache entry; from here on there is one
            assertTrue(first.jdbcUrl().startsWith("jdbc:postgresql://"));
        }
        Path workDir;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            workDir = pg.workDir();
            assertTrue(pg.initdbFromCache(), "second server copies the cached data directory");
            assertTrue(pg.description().contains("cached initdb"), pg.description());
            assertFalse(Files.exists(workDir.resolve("initdb-cache-staging")), "no staging left in the work directory");
            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id int PRIMARY KEY)");
                s.execute("INSERT INTO t VALUES (1)");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                    rs.next();
                    assertEquals(1, rs.getInt(1));
                }
            }
            if (UnprivilegedUser.isRoot()) {
                assertFalse(Files.getOwner(workDir.resolve("data/PG_VERSION")).getName().equals("root"),
                        "copied files keep the unprivileged owner");
            }
        }
        assertFalse(Files.exists(workDir), "work directory removed");
        // the copy was a copy: the cache entry holds no trace of the table created above
        try (EmbeddedPostgres again = EmbeddedPostgres.start(); Connection c = again.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 't'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void theInitdbCacheCanBeSwitchedOff() throws Exception {
        String before = System.getProperty(InitdbCache.PROPERTY);
        System.setProperty(InitdbCache.PROPERTY, "false");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            assertFalse(pg.initdbFromCache());
            assertTrue(Files.isRegularFile(pg.workDir().resolve("data/PG_VERSION")));
        } finally {
            if (before == null) System.clearProperty(InitdbCache.PROPERTY);
            else System.setProperty(InitdbCache.PROPERTY, before);
        }
    }
}
