package dev.cairn.drift;

import dev.cairn.migrate.FlywayHistory;

import dev.cairn.catalog.CatalogDdl;

import dev.cairn.json.JsonWriter;

import java.io.PrintWriter;
import java.util.List;

/** The same report as JSON. Written by hand: a few fields do not justify a JSON library. */
public final class DriftJson {

    private DriftJson() {
    }

    public static void write(DriftReport r, PrintWriter out) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"database\": ").append(str(r.database())).append(",\n");
        FlywayHistory.Status h = r.history();
        b.append("  \"flyway\": {\"managed\": ").append(h != null);
        if (h != null) {
            b.append(", \"current\": ").append(str(h.current()))
                    .append(", \"applied\": ").append(h.applied().size())
                    .append(",\n    \"pending\": ").append(entries(h.pending()))
                    .append(",\n    \"unknown\": ").append(entries(h.unknown()))
                    .append(",\n    \"checksumMismatches\": ").append(entries(h.checksumMismatches()))
                    .append(",\n    \"failed\": ").append(entries(h.failed()));
        }
        b.append("},\n");
        b.append("  \"schema\": {\"expected\": ").append(str(r.expectedBasis()))
                .append(", \"targetVersion\": ").append(str(r.targetVersion()))
                .append(",\n    \"differences\": [");
        List<String> lines = r.schema().lines();
        for (int i = 0; i < lines.size(); i++) b.append(i == 0 ? "\n      " : ",\n      ").append(str(lines.get(i)));
        b.append(lines.isEmpty() ? "]},\n" : "\n    ]},\n");
        b.append("  \"ddl\": [");
        for (int i = 0; i < r.ddl().size(); i++) {
            CatalogDdl.Statement s = r.ddl().get(i);
            b.append(i == 0 ? "\n    " : ",\n    ").append("{\"sql\": ").append(str(s.sql())).append(", \"source\": ")
                    .append(str(s.source())).append('}');
        }
        b.append(r.ddl().isEmpty() ? "],\n" : "\n  ],\n");
        b.append("  \"executed\": false,\n");
        b.append("  \"differences\": ").append(r.differences()).append("\n}");
        out.println(b);
        out.flush();
    }

    private static String entries(List<FlywayHistory.Status.Entry> entries) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < entries.size(); i++) {
            FlywayHistory.Status.Entry e = entries.get(i);
            if (i > 0) b.append(", ");
            b.append("{\"version\": ").append(str(e.version())).append(", \"description\": ").append(str(e.description()))
                    .append(", \"script\": ").append(str(e.script())).append(", \"state\": ").append(str(e.state())).append('}');
        }
        return b.append(']').toString();
    }

    static String str(String s) {
        return JsonWriter.quote(s);
    }
}
