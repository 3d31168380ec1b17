package dev.cairn.testing;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

@FreshDatabase(locations = "classpath:db/tiny")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassDatabaseTest {

    static String firstUrl;

    @Test
    @Order(1)
    void startsMigratedAndWritable(Connection c, TestDatabase db) throws Exception {
        firstUrl = db.jdbcUrl();
        assertEquals(1, count(c), "the seed migration ran in the template");
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO notes (body) VALUES ('written by test 1')");
        }
    }

    @Test
    @Order(2)
    void isSharedByTheClassesTests(DataSource ds, TestDatabase db) throws Exception {
        assertEquals(firstUrl, db.jdbcUrl());
        try (Connection c = ds.getConnection()) {
            assertEquals(2, count(c), "test 1's row is visible: one database per class");
        }
    }

    static int count(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM notes")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
