package dev.cairn.testing;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(FreshDatabaseExtension.class)
@FreshDatabase(per = FreshDatabase.Per.METHOD, locations = "classpath:db/tiny")
class PerMethodDatabaseTest {

    static final Set<String> seen = new HashSet<>();

    @RepeatedTest(3)
    void everyTestGetsItsOwnCopy(Connection c, TestDatabase db) throws Exception {
        assertTrue(seen.add(db.jdbcUrl()), "a new database for each test: " + db.jdbcUrl());
        assertEquals(1, PerClassDatabaseTest.count(c), "no rows from earlier tests");
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO notes (body) VALUES ('written by this test only')");
        }
    }
}
