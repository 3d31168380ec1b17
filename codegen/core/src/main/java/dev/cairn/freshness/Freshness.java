package dev.cairn.freshness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The committed fingerprint compared with the current inputs and the generated files on disk.
 *
 * @param stored       the committed fingerprint, null when missing
 * @param current      this run's inputs
 * @param inputChanges readable changes of inputs since the last generate (empty when unchanged)
 * @param editedFiles  generated files whose content no longer matches the recorded hash (or that
 *                     appeared or vanished): hand edits
 */
public record Freshness(Fingerprint stored, Fingerprint current, List<String> inputChanges, List<String> editedFiles) {

    public Freshness {
        inputChanges = List.copyOf(inputChanges);
        editedFiles = List.copyOf(editedFiles);
    }

    public static Freshness assess(Fingerprint stored, Fingerprint current, SortedMap<String, String> generatedOnDisk) {
        if (stored == null) return new Freshness(null, current, List.of("no fingerprint yet"), List.of());
        List<String> changes = new ArrayList<>();
        for (String key : new TreeSet<>(union(stored.inputs(), current.inputs()))) {
            String before = stored.inputs().get(key);
            String after = current.inputs().get(key);
            if (before != null && before.equals(after)) continue;
            changes.add(describe(key, before, after));
        }
        List<String> edited = new ArrayList<>();
        for (String file : new TreeSet<>(union(stored.generated(), generatedOnDisk))) {
            String recorded = stored.generated().get(file);
            String actual = generatedOnDisk.get(file);
            if (recorded == null) edited.add(file + " (added)");
            else if (actual == null) edited.add(file + " (deleted)");
            else if (!recorded.equals(actual)) edited.add(file);
        }
        return new Freshness(stored, current, changes, edited);
    }

    public boolean missing() {
        return stored == null;
    }

    public boolean inputsUnchanged() {
        return stored != null && inputChanges.isEmpty();
    }

    public boolean upToDate() {
        return inputsUnchanged() && editedFiles.isEmpty();
    }

    /** One line for people, e.g. "migration/V2__add.sql added; jooq 3.21.8 -> 3.21.9". */
    public String summary() {
        List<String> parts = new ArrayList<>(inputChanges);
        if (!editedFiles.isEmpty()) parts.add(editedFiles.size() + " generated file(s) edited by hand: " + String.join(", ", editedFiles));
        if (parts.size() > 6) {
            int more = parts.size() - 5;
            parts = new ArrayList<>(parts.subList(0, 5));
            parts.add("and " + more + " more");
        }
        return String.join("; ", parts);
    }

    private static String describe(String key, String before, String after) {
        String kind = key.substring(0, key.indexOf(' '));
        String name = key.substring(key.indexOf(' ') + 1);
        if (before == null) return (kind.equals("migration") ? name : kind + " " + name) + " added";
        if (after == null) return (kind.equals("migration") ? name : kind + " " + name) + " removed";
        return switch (kind) {
            case "migration" -> name + " changed";
            case "tool" -> name + " " + before + " -> " + after;
            default -> name.equals("jooq-configuration") ? "jOOQ generator configuration changed"
                    : "setting " + name + " " + before + " -> " + after;
        };
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> s = new TreeSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }
}
