package com.example.notes;

import dev.cairn.testing.FreshDatabase;
import dev.cairn.testing.TestDatabase;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;

import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Order(2)
@FreshDatabase(per = FreshDatabase.Per.METHOD, locations = "classpath:db/migration")
class PerMethodTest {

    @RepeatedTest(2)
    void eachTestStartsFromTheMigrations(Connection c, TestDatabase db) throws Exception {
        Copies.saw(db);
        assertEquals(1, Copies.notes(c), "no row of another test");
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO notes (body) VALUES ('written by one test')");
        }
    }
}
