package dev.cairn.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Tables and indexes (index → its table) created by the migrations read so far, in version order. */
final class SchemaState {

    final Set<String> tables = new HashSet<>();
    final Map<String, String> indexTables = new HashMap<>();

    SchemaState copy() {
        SchemaState s = new SchemaState();
        s.tables.addAll(tables);
        s.indexTables.putAll(indexTables);
        return s;
    }

    void dropTable(String table) {
        tables.remove(table);
        indexTables.values().removeIf(table::equals);
    }

    void renameTable(String from, String to) {
        if (tables.remove(from)) tables.add(to);
        indexTables.replaceAll((index, table) -> table.equals(from) ? to : table);
    }
}
