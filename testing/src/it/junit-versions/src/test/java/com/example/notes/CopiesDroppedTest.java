package com.example.notes;

import dev.cairn.testing.FreshDatabase;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** This JUnit closed what the extension left in its stores: the earlier classes' and tests' copies are dropped. */
@Order(3)
@FreshDatabase(locations = "classpath:db/migration")
class CopiesDroppedTest {

    @Test
    void earlierCopiesAreGone(Connection c) throws Exception {
        assertEquals(3, new HashSet<>(Copies.SEEN).size(), "one copy for PerClassTest, one per PerMethodTest test: " + Copies.SEEN);
        List<String> left = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT datname FROM pg_database WHERE datname = ANY (?)")) {
            Array names = c.createArrayOf("text", Copies.SEEN.toArray());
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) left.add(rs.getString(1));
            }
        }
        assertEquals(List.of(), left);
    }
}
