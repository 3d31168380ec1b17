package dev.cairn.freshness;

import dev.cairn.files.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * How a committed generated tree differs from a freshly generated one, by schema object:
 * "table events: column embedding removed; index idx_events_title_fts added". Differences the
 * object model does not cover (a routine, a changed package) fall back to file names.
 *
 * @param objectChanges one line per changed owner (table, view, enum, sequence)
 * @param changedFiles  files that differ, relative to the source root
 */
public record GeneratedDiff(List<String> objectChanges, List<String> changedFiles) {

    public GeneratedDiff {
        objectChanges = List.copyOf(objectChanges);
        changedFiles = List.copyOf(changedFiles);
    }

    public static GeneratedDiff between(Path committed, Path fresh) throws IOException {
        List<String> files = changedFiles(committed, fresh);
        if (files.isEmpty()) return new GeneratedDiff(List.of(), List.of());
        return new GeneratedDiff(objectChanges(GeneratedSchema.read(committed), GeneratedSchema.read(fresh)), files);
    }

    public boolean identical() {
        return changedFiles.isEmpty();
    }

    /** The lines a person reads; object changes when there are any, else the changed files. */
    public List<String> summary() {
        if (!objectChanges.isEmpty()) return objectChanges;
        List<String> out = new ArrayList<>();
        int shown = Math.min(changedFiles.size(), 10);
        for (String f : changedFiles.subList(0, shown)) out.add("file " + f + " differs");
        if (changedFiles.size() > shown) out.add("and " + (changedFiles.size() - shown) + " more files");
        return out;
    }

    static List<String> objectChanges(GeneratedSchema before, GeneratedSchema after) {
        List<String> out = new ArrayList<>();
        TreeSet<String> owners = new TreeSet<>(before.objects().keySet());
        owners.addAll(after.objects().keySet());
        for (String owner : owners) {
            SortedMap<String, String> b = before.objects().get(owner);
            SortedMap<String, String> a = after.objects().get(owner);
            if (b == null) {
                out.add(owner + " added");
            } else if (a == null) {
                out.add(owner + " removed");
            } else {
                List<String> members = memberChanges(b, a);
                if (!members.isEmpty()) out.add(owner + ": " + String.join("; ", members));
            }
        }
        return out;
    }

    private static List<String> memberChanges(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String b = before.get(name);
            String a = after.get(name);
            String label = name.isEmpty() ? "definition" : name;
            if (b == null) out.add(label + " added");
            else if (a == null) out.add(label + " removed");
            else if (!a.equals(b)) out.add(label + " changed (" + shorten(b) + " -> " + shorten(a) + ")");
        }
        return out;
    }

    private static String shorten(String definition) {
        String s = definition.replace("SQLDataType.", "");
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static List<String> changedFiles(Path a, Path b) throws IOException {
        var left = FileTrees.files(a);
        var right = FileTrees.files(b);
        TreeSet<String> all = new TreeSet<>(left.keySet());
        all.addAll(right.keySet());
        List<String> out = new ArrayList<>();
        for (String f : all) {
            Path l = left.get(f);
            Path r = right.get(f);
            if (l == null || r == null || Files.mismatch(l, r) != -1) out.add(f);
        }
        return out;
    }
}
