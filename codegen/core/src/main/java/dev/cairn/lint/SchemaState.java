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
 * and CHECK (col IS NOT NULL) constraints ({@code table/constraint} → column) with those validated,
 * which let SET NOT NULL skip its scan.
 *
 * <p>The collections are read directly; they change only through the methods here, which can
 * {@linkplain #tryOut take a check back} instead of copying the state for it.
 */
final class SchemaState {

    final Set<String> tables = new HashSet<>();
    final Map<String, String> indexTables = new HashMap<>();
    final Map<String, String> notNullChecks = new HashMap<>();
    final Set<String> validatedChecks = new HashSet<>();

    /** While {@link #tryOut} runs: how to take each change back, newest first. */
    private Deque<Runnable> journal;

    SchemaState copy() {
        SchemaState s = new SchemaState();
        s.tables.addAll(tables);
        s.indexTables.putAll(indexTables);
        s.notNullChecks.putAll(notNullChecks);
        s.validatedChecks.addAll(validatedChecks);
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

    private void put(Map<String, String> map, String key, String value) {
        String old = map.put(key, value);
        if (journal != null) journal.push(old == null ? () -> map.remove(key) : () -> map.put(key, old));
    }

    private void remove(Map<String, String> map, String key) {
        String old = map.remove(key);
        if (old != null && journal != null) journal.push(() -> map.put(key, old));
    }

    private static List<String> keysWhereValue(Map<String, String> map, String value) {
        return map.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey).toList();
    }

    private static List<String> keysStartingWith(Set<String> keys, String prefix) {
        return keys.stream().filter(k -> k.startsWith(prefix)).toList();
    }
}
