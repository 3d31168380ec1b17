package com.example.notes;

import dev.cairn.testing.FreshDatabase;
import dev.cairn.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Order(1)
@FreshDatabase(locations = "classpath:db/migration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassTest {

    @BeforeAll
    static void remember(TestDatabase db) {
        Copies.saw(db);
    }

    @Test
    @Order(1)
    void runsOnTheProjectsJUnit() throws Exception {
        String expected = System.getProperty("expected.junit.version");
        assertEquals(expected, Test.class.getPackage().getImplementationVersion(), "junit-jupiter-api");
        assertEquals(expected, Class.forName("org.junit.jupiter.engine.JupiterTestEngine").getPackage().getImplementationVersion(),
                "junit-jupiter-engine");
    }

    @Test
    @Order(2)
    void startsMigrated(Connection c) throws Exception {
        assertEquals(1, Copies.notes(c), "V2's row");
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO notes (body) VALUES ('written by the class')");
        }
    }

    @Test
    @Order(3)
    void isSharedByTheClassesTests(Connection c) throws Exception {
        assertEquals(2, Copies.notes(c), "the row of the test before");
    }
}
