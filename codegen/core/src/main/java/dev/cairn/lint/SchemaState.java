package dev.cairn.lint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the migrations read so far (in version order) created: tables, indexes (index → its table),
 * CHECK (col IS NOT NULL) constraints ({@code table/constraint} → column) with those validated,
 * which let SET NOT NULL skip its scan, and column types, which tell a widening from a rewrite.
 *
 * <p>The collections are read directly; they change only through the methods here, which can
 * {@linkplain #tryOut take a check back} instead of copying the state for it.
 */
final class SchemaState {

    final Set<String> tables = new HashSet<>();
    final Map<String, String> indexTables = new HashMap<>();
    final Map<String, String> notNullChecks = new HashMap<>();
    final Set<String> validatedChecks = new HashSet<>();
    /** {@code table/column} → its type, where the migrations' text said it. */
    final Map<String, ColumnType> columnTypes = new HashMap<>();

    /** While {@link #tryOut} runs: how to take each change back, newest first. */
    private Deque<Runnable> journal;

    SchemaState copy() {
        SchemaState s = new SchemaState();
        s.tables.addAll(tables);
        s.indexTables.putAll(indexTables);
        s.notNullChecks.putAll(notNullChecks);
        s.validatedChecks.addAll(validatedChecks);
        s.columnTypes.putAll(columnTypes);
        return s;
    }

    /**
     * Runs {@code check} on this state, then takes back whatever it changed. An undo script is
     * checked against the state right after its version this way: on a chain with an undo script for
     * each of 2,000 versions, a copy per script was most of lint's time.
     */
    void tryOut(Runnable check) {
        if (journal != null) throw new IllegalStateException("tryOut does not nest");
        journal = new ArrayDeque<>();
        try {
            check.run();
        } finally {
            Deque<Runnable> taken = journal;
            journal = null;
            while (!taken.isEmpty()) taken.pop().run();
        }
    }

    void addTable(String table) {
        add(tables, table);
    }

    void addIndex(String index, String table) {
        put(indexTables, index, table);
    }

    void dropIndex(String index) {
        remove(indexTables, index);
    }

    void dropTable(String table) {
        remove(tables, table);
        for (String index : keysWhereValue(indexTables, table)) remove(indexTables, index);
        for (String key : keysStartingWith(notNullChecks.keySet(), table + "/")) remove(notNullChecks, key);
        for (String key : keysStartingWith(validatedChecks, table + "/")) remove(validatedChecks, key);
        for (String key : keysStartingWith(columnTypes.keySet(), table + "/")) remove(columnTypes, key);
    }

    void renameTable(String from, String to) {
        if (tables.contains(from)) {
            remove(tables, from);
            add(tables, to);
        }
        for (String index : keysWhereValue(indexTables, from)) put(indexTables, index, to);
        for (String key : keysStartingWith(notNullChecks.keySet(), from + "/")) {
            String column = notNullChecks.get(key);
            remove(notNullChecks, key);
            put(notNullChecks, to + key.substring(from.length()), column);
        }
        for (String key : keysStartingWith(validatedChecks, from + "/")) {
            remove(validatedChecks, key);
            add(validatedChecks, to + key.substring(from.length()));
        }
        for (String key : keysStartingWith(columnTypes.keySet(), from + "/")) {
            ColumnType type = columnTypes.get(key);
            remove(columnTypes, key);
            put(columnTypes, to + key.substring(from.length()), type);
        }
    }

    /** {@code type} null: the column exists but its type was not read (forgotten, rather than kept stale). */
    void setColumnType(String table, String column, ColumnType type) {
        if (type == null) remove(columnTypes, table + "/" + column);
        else put(columnTypes, table + "/" + column, type);
    }

    void dropColumn(String table, String column) {
        remove(columnTypes, table + "/" + column);
    }

    void renameColumn(String table, String column, String newName) {
        ColumnType type = columnTypes.get(table + "/" + column);
        dropColumn(table, column);
        setColumnType(table, newName, type);
    }

    ColumnType columnType(String table, String column) {
        return columnTypes.get(table + "/" + column);
    }

    void addNotNullCheck(String table, String constraint, String column, boolean validated) {
        String key = table + "/" + constraint;
        put(notNullChecks, key, column);
        if (validated) add(validatedChecks, key);
    }

    void validate(String table, String constraint) {
        if (notNullChecks.containsKey(table + "/" + constraint)) add(validatedChecks, table + "/" + constraint);
    }

    void dropConstraint(String table, String constraint) {
        remove(notNullChecks, table + "/" + constraint);
        remove(validatedChecks, table + "/" + constraint);
    }

    boolean notNullProven(String table, String column) {
        return notNullChecks.entrySet().stream().anyMatch(e -> e.getKey().startsWith(table + "/")
                && e.getValue().equals(column) && validatedChecks.contains(e.getKey()));
    }

    private void add(Set<String> set, String value) {
        if (set.add(value) && journal != null) journal.push(() -> set.remove(value));
    }

    private void remove(Set<String> set, String value) {
        if (set.remove(value) && journal != null) journal.push(() -> set.add(value));
    }

    private <V> void put(Map<String, V> map, String key, V value) {
        V old = map.put(key, value);
        if (journal != null) journal.push(old == null ? () -> map.remove(key) : () -> map.put(key, old));
    }

    private <V> void remove(Map<String, V> map, String key) {
        V old = map.remove(key);
        if (old != null && journal != null) journal.push(() -> map.put(key, old));
    }

    private static List<String> keysWhereValue(Map<String, String> map, String value) {
        return map.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey).toList();
    }

    private static List<String> keysStartingWith(Set<String> keys, String prefix) {
        return keys.stream().filter(k -> k.startsWith(prefix)).toList();
    }
}
