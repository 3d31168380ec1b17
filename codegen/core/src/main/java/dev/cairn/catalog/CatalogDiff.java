package dev.cairn.catalog;

import dev.cairn.catalog.CatalogSnapshot.Column;
import dev.cairn.catalog.CatalogSnapshot.Constraint;
import dev.cairn.catalog.CatalogSnapshot.Index;
import dev.cairn.catalog.CatalogSnapshot.Sequence;
import dev.cairn.catalog.CatalogSnapshot.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * What differs between the schema one expects (say, the migrations applied to a fresh database)
 * and the one found (say, production). Each difference is one line for people, worded from the
 * found database's side: "missing" means expected but not there, "extra" means there but not
 * expected. Order is fixed: tables by name (columns, then constraints), indexes, enums, sequences.
 */
public record CatalogDiff(List<Difference> differences) {

    /** @param object what the line is about, e.g. {@code table events} or {@code index idx_x} */
    public record Difference(String object, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    public CatalogDiff {
        differences = List.copyOf(differences);
    }

    public static CatalogDiff between(CatalogSnapshot expected, CatalogSnapshot actual) {
        List<Difference> out = new ArrayList<>();
        compareMaps(expected.tables(), actual.tables(), "table", out, CatalogDiff::compareTables);
        compareMaps(expected.indexes(), actual.indexes(), "index", out, (e, a) -> {
            if (!e.shape().equals(a.shape())) {
                out.add(new Difference("index " + e.name(), "index " + e.name() + " differs: expected "
                        + e.shape() + " actual " + a.shape()));
            } else if (!a.valid()) {
                out.add(new Difference("index " + e.name(), actual.invalidIndexAdvice(a)));
            }
        });
        for (String name : union(expected.enums(), actual.enums())) {
            List<String> e = expected.enums().get(name);
            List<String> a = actual.enums().get(name);
            if (a == null) out.add(new Difference("enum " + name, "enum " + name + " missing"));
            else if (e == null) out.add(new Difference("enum " + name, "enum " + name + " extra"));
            else if (!a.equals(e)) out.add(new Difference("enum " + name, "enum " + name + ": values " + a + " expected " + e));
        }
        compareMaps(expected.sequences(), actual.sequences(), "sequence", out, (e, a) -> compareSequences(e, a, out));
        return new CatalogDiff(out);
    }

    public boolean isEmpty() {
        return differences.isEmpty();
    }

    public int size() {
        return differences.size();
    }

    public List<String> lines() {
        return differences.stream().map(Difference::text).toList();
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }

    private interface Comparer<T> {
        void compare(T expected, T actual, List<Difference> out);
    }

    /** Missing and extra objects in name order; objects on both sides go to {@code both}. */
    private static <T> void compareMaps(SortedMap<String, T> expected, SortedMap<String, T> actual, String what,
                                        List<Difference> out, BiConsumer<T, T> both) {
        for (String name : union(expected, actual)) {
            T e = expected.get(name);
            T a = actual.get(name);
            if (a == null) out.add(new Difference(what + " " + name, what + " " + name + " missing"));
            else if (e == null) out.add(new Difference(what + " " + name, what + " " + name + " extra"));
            else both.accept(e, a);
        }
    }

    private static <T> void compareMaps(SortedMap<String, T> expected, SortedMap<String, T> actual, String what,
                                        List<Difference> out, Comparer<T> both) {
        compareMaps(expected, actual, what, out, (BiConsumer<T, T>) (e, a) -> both.compare(e, a, out));
    }

    private static TreeSet<String> union(SortedMap<String, ?> a, SortedMap<String, ?> b) {
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    private static void compareTables(Table expected, Table actual, List<Difference> out) {
        String t = "table " + expected.name();
        for (String name : union(expected.columns(), actual.columns())) {
            Column e = expected.columns().get(name);
            Column a = actual.columns().get(name);
            String c = t + ": column " + name;
            if (a == null) out.add(new Difference(t, c + " missing"));
            else if (e == null) out.add(new Difference(t, c + " extra (" + a.type() + ")"));
            else {
                if (!e.type().equals(a.type())) out.add(new Difference(t, c + " type " + a.type() + ", expected " + e.type()));
                if (e.notNull() != a.notNull()) {
                    out.add(new Difference(t, c + " " + nullability(a) + ", expected " + nullability(e)));
                }
                if (!Objects.equals(e.defaultExpression(), a.defaultExpression())) {
                    out.add(new Difference(t, c + " default " + orNone(a.defaultExpression())
                            + ", expected " + orNone(e.defaultExpression())));
                }
                if (!Objects.equals(e.identity(), a.identity())) {
                    out.add(new Difference(t, c + " identity " + orNone(a.identity()) + ", expected " + orNone(e.identity())));
                }
                if (!Objects.equals(e.generated(), a.generated())) {
                    out.add(new Difference(t, c + " generated as " + orNone(a.generated())
                            + ", expected " + orNone(e.generated())));
                }
            }
        }
        for (String name : union(expected.constraints(), actual.constraints())) {
            Constraint e = expected.constraints().get(name);
            Constraint a = actual.constraints().get(name);
            if (a == null) out.add(new Difference(t, t + ": " + e.kind().label() + " " + name + " missing"));
            else if (e == null) out.add(new Difference(t, t + ": " + a.kind().label() + " " + name + " extra: " + describe(a)));
            else {
                String c = t + ": " + e.kind().label() + " " + name;
                if (!describe(e).equals(describe(a))) {
                    out.add(new Difference(t, c + " differs: expected " + describe(e) + " actual " + describe(a)));
                }
                if (e.validated() != a.validated()) {
                    out.add(new Difference(t, c + (a.validated() ? " validated, expected NOT VALID" : " NOT VALID, expected validated")));
                }
            }
        }
    }

    /** The constraint in the words of its DDL, without names that depend on the schema. */
    static String describe(Constraint c) {
        String deferral = c.deferrable() ? (c.initiallyDeferred() ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE") : "";
        return switch (c.kind()) {
            case PRIMARY_KEY -> "PRIMARY KEY (" + String.join(", ", c.columns()) + ")" + deferral;
            case UNIQUE -> c.definition();
            case FOREIGN_KEY -> "FOREIGN KEY (" + String.join(", ", c.columns()) + ") REFERENCES " + c.references()
                    + "(" + String.join(", ", c.referencedColumns()) + ") ON UPDATE " + c.onUpdate() + " ON DELETE "
                    + c.onDelete() + deferral;
            case CHECK -> c.definition().startsWith("CHECK ") ? c.definition().substring("CHECK ".length()) : c.definition();
            case EXCLUSION -> c.definition();
        };
    }

    private static void compareSequences(Sequence e, Sequence a, List<Difference> out) {
        String s = "sequence " + e.name();
        List<String> parts = new ArrayList<>();
        field(parts, "type", e.dataType(), a.dataType());
        field(parts, "start", e.start(), a.start());
        field(parts, "increment", e.increment(), a.increment());
        field(parts, "minvalue", e.min(), a.min());
        field(parts, "maxvalue", e.max(), a.max());
        field(parts, "cache", e.cache(), a.cache());
        field(parts, "cycle", e.cycle(), a.cycle());
        field(parts, "owned by", orNone(e.ownedBy()), orNone(a.ownedBy()));
        for (String p : parts) out.add(new Difference(s, s + ": " + p));
    }

    private static void field(List<String> parts, String name, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) parts.add(name + " " + actual + ", expected " + expected);
    }

    private static String nullability(Column c) {
        return c.notNull() ? "not null" : "nullable";
    }

    private static String orNone(String s) {
        return s == null ? "none" : s;
    }
}
