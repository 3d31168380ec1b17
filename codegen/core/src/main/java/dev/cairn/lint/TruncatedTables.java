package dev.cairn.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables a migration empties with TRUNCATE, read from its statements as lint reads them. On the
 * database a TRUNCATE looks like a rewrite (the table gets a new, empty file); the observer tells
 * them apart with this.
 */
public final class TruncatedTables {

    private final Set<String> tables;

    private TruncatedTables(Set<String> tables) {
        this.tables = Set.copyOf(tables);
    }

    public static TruncatedTables none() {
        return new TruncatedTables(Set.of());
    }

    public static TruncatedTables in(String sql) {
        Set<String> tables = new HashSet<>();
        for (SqlStatement s : SqlScript.parse(sql).statements()) {
            for (Change c : KeywordStatementReader.read(s.tokens())) {
                if (c instanceof Change.DataChange d && d.verb().equals("TRUNCATE") && d.table() != null) tables.add(d.table());
            }
        }
        return new TruncatedTables(tables);
    }

    /** @param relation as the catalog writes it ({@code quote_ident}): {@code public.events}, {@code app."Orders"} */
    public boolean contains(String relation) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char ch : relation.toCharArray()) {
            if (ch == '"') quoted = !quoted;
            else if (ch == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else part.append(ch);
        }
        parts.add(part.toString());
        return tables.contains(ObjectNames.of(parts));
    }
}
