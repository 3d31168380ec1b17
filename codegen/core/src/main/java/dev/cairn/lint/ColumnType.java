package dev.cairn.lint;

import dev.cairn.lint.SqlLexer.Kind;
import dev.cairn.lint.SqlLexer.Token;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A column's type as a migration writes it, by PostgreSQL's name for it and its modifiers:
 * {@code varchar(20)} is ("varchar", [20]), {@code numeric(12,2)} is ("numeric", [12, 2]). Enough to
 * tell the type changes PostgreSQL makes in the catalog alone from those that rewrite the table.
 */
public record ColumnType(String name, List<Integer> modifiers) implements Serializable {

    public ColumnType {
        modifiers = List.copyOf(modifiers);
    }

    /** Words that end a type: the column's constraints, or ALTER TYPE's USING and COLLATE. */
    private static final Set<String> AFTER_TYPE = Set.of("not", "null", "default", "constraint", "check", "unique", "primary",
            "references", "generated", "collate", "using", "array");

    private static final Map<String, String> CANONICAL = Map.of("character varying", "varchar", "char varying", "varchar",
            "decimal", "numeric", "bit varying", "varbit");

    /** The type the tokens begin with; null when it is not a plain name with numeric modifiers (an array, a %TYPE ...). */
    static ColumnType read(List<Token> t) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < t.size() && t.get(i).kind() == Kind.WORD && !AFTER_TYPE.contains(t.get(i).norm())) {
            words.add(t.get(i++).norm());
            // pg_catalog.varchar: the name after the dot
            if (i + 1 < t.size() && t.get(i).isSymbol(".")) {
                words.clear();
                i++;
            }
        }
        if (words.isEmpty()) return null;
        List<Integer> modifiers = new ArrayList<>();
        if (i < t.size() && t.get(i).isSymbol("(")) {
            for (i++; i < t.size() && !t.get(i).isSymbol(")"); i++) {
                Token x = t.get(i);
                if (x.kind() == Kind.NUMBER && x.text().matches("\\d+")) modifiers.add(Integer.parseInt(x.text()));
                else if (!x.isSymbol(",")) return null;
            }
            i++;
            // timestamp(3) with time zone: the words after the modifier name the type too
            while (i < t.size() && t.get(i).kind() == Kind.WORD && !AFTER_TYPE.contains(t.get(i).norm())) words.add(t.get(i++).norm());
        }
        if (i < t.size() && t.get(i).isSymbol("[") || i < t.size() && t.get(i).is("array")) return null;
        String name = String.join(" ", words);
        return new ColumnType(CANONICAL.getOrDefault(name, name), modifiers);
    }

    /**
     * Whether PostgreSQL changes this type into {@code to} in the catalog alone: no row is rewritten
     * and the column's indexes keep their files (its docs, ALTER TABLE: "increasing the length limit
     * for a varchar or varbit column, or removing it, or changing varchar to text, or numeric to a
     * larger precision at the same scale").
     */
    public boolean widensTo(ColumnType to) {
        if (equals(to)) return true;
        return switch (name) {
            case "varchar" -> to.name.equals("text") || to.name.equals("varchar") && notShorter(to);
            case "text" -> to.name.equals("varchar") && to.modifiers.isEmpty();
            case "varbit" -> to.name.equals("varbit") && notShorter(to);
            case "numeric" -> to.name.equals("numeric") && (to.modifiers.isEmpty()
                    || !modifiers.isEmpty() && scale() == to.scale() && to.modifiers.getFirst() >= modifiers.getFirst());
            default -> false;
        };
    }

    /** Same type with no length limit, or one at least as long as a limited one. */
    private boolean notShorter(ColumnType to) {
        return to.modifiers.isEmpty() || !modifiers.isEmpty() && to.modifiers.getFirst() >= modifiers.getFirst();
    }

    /** numeric(p) is numeric(p, 0). */
    private int scale() {
        return modifiers.size() > 1 ? modifiers.get(1) : 0;
    }

    @Override
    public String toString() {
        return modifiers.isEmpty() ? name : name + modifiers.toString().replace('[', '(').replace(']', ')').replace(" ", "");
    }
}
