package dev.cairn.drift;

import dev.cairn.migrate.FlywayHistory;

import dev.cairn.catalog.CatalogDdl;

import java.io.PrintWriter;
import java.util.List;

/** The report for people: three sections and a closing count. */
public final class DriftText {

    private DriftText() {
    }

    public static void write(DriftReport r, PrintWriter out) {
        out.println("drift: " + r.database());
        out.println();
        out.println("Flyway history");
        FlywayHistory.Status h = r.history();
        if (h == null) {
            out.println("  not managed by Flyway: no flyway_schema_history table (nothing was created)");
        } else {
            out.println("  current version: " + (h.current() != null ? h.current() : "none"));
            out.println("  applied: " + h.applied().size());
            section(out, "pending (file not applied)", h.pending());
            section(out, "unknown (applied, no file)", h.unknown());
            section(out, "checksum mismatch (file edited after it was applied)", h.checksumMismatches());
            section(out, "failed", h.failed());
        }
        out.println();
        out.println("Schema");
        out.println("  expected: " + r.expectedBasis());
        if (r.schema().isEmpty()) out.println("  no differences");
        for (String line : r.schema().lines()) out.println("  " + line);
        out.println();
        out.println("DDL to bring the database in line (not executed)");
        if (r.ddl().isEmpty()) out.println("  (none)");
        for (CatalogDdl.Statement s : r.ddl()) {
            out.println("  " + s.sql() + (s.sql().startsWith("--") ? "" : ";"));
        }
        out.println();
        int n = r.differences();
        out.println(n == 0 ? "drift: none" : "drift: " + n + (n == 1 ? " difference" : " differences"));
        out.flush();
    }

    private static void section(PrintWriter out, String title, List<FlywayHistory.Status.Entry> entries) {
        out.println("  " + title + ": " + (entries.isEmpty() ? "none" : entries.size()));
        for (FlywayHistory.Status.Entry e : entries) out.println("    " + e.display());
    }
}
