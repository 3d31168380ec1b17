package dev.cairn.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the migrations read so far (in version order) created: tables, indexes (index → its table),
 * and CHECK (col IS NOT NULL) constraints ({@code table/constraint} → column) with those validated,
 * which let SET NOT NULL skip its scan.
 */
final class SchemaState {

    final Set<String> tables = new HashSet<>();
    final Map<String, String> indexTables = new HashMap<>();
    final Map<String, String> notNullChecks = new HashMap<>();
    final Set<String> validatedChecks = new HashSet<>();

    SchemaState copy() {
        SchemaState s = new SchemaState();
        s.tables.addAll(tables);
        s.indexTables.putAll(indexTables);
        s.notNullChecks.putAll(notNullChecks);
        s.validatedChecks.addAll(validatedChecks);
        return s;
    }

    void dropTable(String table) {
        tables.remove(table);
        indexTables.values().removeIf(table::equals);
        notNullChecks.keySet().removeIf(k -> k.startsWith(table + "/"));
        validatedChecks.removeIf(k -> k.startsWith(table + "/"));
    }

    void renameTable(String from, String to) {
        if (tables.remove(from)) tables.add(to);
        indexTables.replaceAll((index, table) -> table.equals(from) ? to : table);
        for (String key : Set.copyOf(notNullChecks.keySet())) {
            if (key.startsWith(from + "/")) notNullChecks.put(to + key.substring(from.length()), notNullChecks.remove(key));
        }
        for (String key : Set.copyOf(validatedChecks)) {
            if (key.startsWith(from + "/") && validatedChecks.remove(key)) validatedChecks.add(to + key.substring(from.length()));
        }
    }

    void addNotNullCheck(String table, String constraint, String column, boolean validated) {
        String key = table + "/" + constraint;
        notNullChecks.put(key, column);
        if (validated) validatedChecks.add(key);
    }

    void validate(String table, String constraint) {
        if (notNullChecks.containsKey(table + "/" + constraint)) validatedChecks.add(table + "/" + constraint);
    }

    void dropConstraint(String table, String constraint) {
        notNullChecks.remove(table + "/" + constraint);
        validatedChecks.remove(table + "/" + constraint);
    }

    boolean notNullProven(String table, String column) {
        return notNullChecks.entrySet().stream().anyMatch(e -> e.getKey().startsWith(table + "/")
                && e.getValue().equals(column) && validatedChecks.contains(e.getKey()));
    }
}
