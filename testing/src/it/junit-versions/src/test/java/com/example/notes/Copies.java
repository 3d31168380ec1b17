package com.example.notes;

import dev.cairn.testing.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The databases the earlier test classes were given, for CopiesDroppedTest; and a row count. */
final class Copies {

    static final List<String> SEEN = new ArrayList<>();

    static void saw(TestDatabase db) {
        String url = db.jdbcUrl();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        SEEN.add(path.substring(path.lastIndexOf('/') + 1));
    }

    static int notes(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM notes")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Copies() {
    }
}
