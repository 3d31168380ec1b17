package dev.cairn.lint;

import dev.cairn.lint.SqlLexer.Kind;
import dev.cairn.lint.SqlLexer.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fallback for statements jOOQ's parser cannot read: classifies one statement by its leading
 * keywords and, for ALTER TABLE, by each comma-separated action at parenthesis depth 0. It knows
 * only the statement shapes the rules ask about; anything else yields no changes.
 */
final class KeywordStatementReader {

    /** Words that start a table element other than a column. */
    private static final Set<String> TABLE_ELEMENTS = Set.of("constraint", "primary", "unique", "check", "foreign", "exclude", "like");

    private static final Set<String> DROPPABLE = Set.of("table", "view", "sequence", "type", "schema", "extension",
            "domain", "function", "procedure", "trigger");

    private KeywordStatementReader() {
    }

    static List<Change> read(List<Token> tokens) {
        Cursor c = new Cursor(tokens);
        if (c.accept("create")) return create(c);
        if (c.accept("drop")) return drop(c);
        if (c.accept("alter", "table")) return alterTable(c);
        if (c.accept("alter", "domain")) return alterDomain(c);
        if (c.accept("alter", "type")) return alterType(c);
        if (c.accept("reindex")) return reindex(c);
        if (c.accept("insert", "into")) return data("INSERT", c.name());
        if (c.accept("update")) {
            c.accept("only");
            return List.of(new Change.DataChange("UPDATE", c.name(), false, filtered(tokens)));
        }
        if (c.accept("delete", "from")) {
            c.accept("only");
            return List.of(new Change.DataChange("DELETE", c.name(), false, filtered(tokens)));
        }
        if (c.accept("truncate")) {
            c.accept("table");
            c.accept("only");
            boolean cascade = c.endsWith("cascade");
            return c.names().stream().<Change>map(t -> new Change.DataChange("TRUNCATE", t, cascade, false)).toList();
        }
        if (c.accept("merge", "into")) return data("MERGE", c.name());
        if (c.peek("copy") && tokens.stream().anyMatch(t -> t.is("from"))) {
            c.accept("copy");
            return data("COPY", c.name());
        }
        if (c.peek("with")) return dataInCte(tokens);
        return List.of();
    }

    private static List<Change> data(String verb, String table) {
        return List.of(new Change.DataChange(verb, table));
    }

    /** A WHERE outside parentheses: a subquery's or a CTE's own WHERE does not filter the statement. */
    static boolean filtered(List<Token> tokens) {
        int depth = 0;
        for (Token t : tokens) {
            if (t.isSymbol("(")) depth++;
            else if (t.isSymbol(")")) depth--;
            else if (depth == 0 && t.is("where")) return true;
        }
        return false;
    }

    /** ALTER TYPE t RENAME VALUE 'a' TO 'b'; other type changes do not matter here. */
    private static List<Change> alterType(Cursor c) {
        String type = c.name();
        if (!c.accept("rename", "value")) return List.of();
        String value = c.literal();
        if (!c.accept("to")) return List.of();
        return List.of(new Change.RenameEnumValue(type, value, c.literal()));
    }

    /** {@code WITH ... UPDATE/INSERT/DELETE}: every data-modifying statement, inside a CTE or after the CTEs. */
    static List<Change> dataInCte(List<Token> tokens) {
        List<Change> out = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            Token before = tokens.get(i - 1);
            if (!before.isSymbol("(") && !before.isSymbol(")")) continue;
            for (String verb : List.of("insert", "update", "delete", "merge")) {
                if (tokens.get(i).is(verb)) out.addAll(read(tokens.subList(i, tokens.size())));
            }
        }
        return out;
    }

    private static List<Change> create(Cursor c) {
        boolean orReplace = c.accept("or", "replace");
        boolean unique = c.accept("unique");
        if (c.accept("index")) {
            boolean concurrently = c.accept("concurrently");
            boolean ifNotExists = c.accept("if", "not", "exists");
            String name = c.peek("on") ? null : c.name();
            c.accept("on");
            c.accept("only");
            return List.of(new Change.CreateIndex(name, c.name(), ifNotExists, concurrently));
        }
        if (unique) return List.of();
        c.acceptAny("global", "local");
        c.acceptAny("temp", "temporary", "unlogged");
        c.accept("recursive");
        boolean materialized = c.accept("materialized");
        String kind = c.word();
        if (kind == null) return List.of();
        if (materialized) kind = "materialized " + kind;
        boolean ifNotExists = c.accept("if", "not", "exists");
        String name = c.name();
        return List.of(new Change.Create(kind, name, ifNotExists || orReplace, kind.equals("table") ? c.columnTypes() : Map.of()));
    }

    /** The column types of {@code CREATE TABLE t (...)}, by column; for a table read by jOOQ too. */
    static Map<String, ColumnType> tableColumns(List<Token> tokens) {
        Cursor c = new Cursor(tokens);
        while (c.i < tokens.size() && !tokens.get(c.i).isSymbol("(")) c.i++;
        return c.columnTypes();
    }

    private static List<Change> drop(Cursor c) {
        if (c.accept("index")) {
            boolean concurrently = c.accept("concurrently");
            boolean ifExists = c.accept("if", "exists");
            List<Change> out = new ArrayList<>();
            for (String name : c.names()) out.add(new Change.DropIndex(name, ifExists, concurrently));
            return out;
        }
        boolean materialized = c.accept("materialized");
        String kind = c.word();
        if (kind == null || !DROPPABLE.contains(kind)) return List.of();
        if (materialized) kind = "materialized " + kind;
        boolean ifExists = c.accept("if", "exists");
        List<Change> out = new ArrayList<>();
        for (String name : c.names()) out.add(new Change.Drop(kind, name, ifExists));
        return out;
    }

    private static List<Change> alterTable(Cursor c) {
        c.accept("if", "exists");
        c.accept("only");
        String table = c.name();
        List<Change> out = new ArrayList<>();
        for (List<Token> action : c.restSplitAtDepthZeroCommas()) {
            Change change = action(table, new Cursor(action));
            if (change != null) out.add(change);
        }
        return out;
    }

    private static Change action(String table, Cursor a) {
        if (a.accept("rename")) {
            if (a.accept("to")) return new Change.RenameTable(table, a.name());
            if (a.peek("constraint")) return null;
            a.accept("column");
            String column = a.name();
            a.accept("to");
            return new Change.RenameColumn(table, column, a.name());
        }
        if (a.accept("add")) {
            String name = a.accept("constraint") ? a.name() : null;
            String kind = constraintKind(a);
            if (kind != null) {
                return new Change.AddConstraint(table, name, kind, a.endsWith("not", "valid"), a.depthZeroPair("using", "index"),
                        notNullCheckColumn(a));
            }
            a.accept("column");
            boolean ifNotExists = a.accept("if", "not", "exists");
            String column = a.name();
            ColumnDefinition d = ColumnDefinition.of(a.rest());
            return new Change.AddColumn(table, column, ifNotExists, d.notNull(), d.defaultKind(), d.generatedSequence(),
                    d.storedGenerated(), d.inlineKey(), ColumnType.read(a.rest()));
        }
        if (a.accept("drop")) {
            if (a.accept("constraint")) {
                boolean ifExists = a.accept("if", "exists");
                return new Change.DropConstraint(table, a.name(), ifExists);
            }
            a.accept("column");
            boolean ifExists = a.accept("if", "exists");
            return new Change.DropColumn(table, a.name(), ifExists);
        }
        if (a.accept("alter")) {
            a.accept("column");
            String column = a.name();
            if (a.accept("type") || a.accept("set", "data", "type")) {
                return new Change.AlterColumnType(table, column, ColumnType.read(a.rest()),
                        !a.depthZeroPair("using", null) && !a.depthZeroPair("collate", null));
            }
            if (a.accept("set", "not", "null")) return new Change.SetNotNull(table, column);
        }
        if (a.accept("validate", "constraint")) return new Change.ValidateConstraint(table, a.name());
        if (a.accept("detach", "partition")) {
            String partition = a.name();
            return new Change.DetachPartition(table, partition, a.accept("concurrently"));
        }
        return null;
    }

    /** The column of {@code CHECK (col IS NOT NULL)}, the shape that lets SET NOT NULL skip its scan; else null. */
    private static String notNullCheckColumn(Cursor a) {
        if (!a.accept("check", "(")) return null;
        String column = a.name();
        return column != null && a.accept("is", "not", "null", ")") ? column : null;
    }

    /** ALTER DOMAIN d ADD [CONSTRAINT c] CHECK (...) [NOT VALID]; other domain changes do not matter here. */
    private static List<Change> alterDomain(Cursor c) {
        String domain = c.name();
        if (!c.accept("add")) return List.of();
        String name = c.accept("constraint") ? c.name() : null;
        return List.of(new Change.AlterDomainAddConstraint(domain, name, c.endsWith("not", "valid")));
    }

    /** REINDEX [(options)] INDEX|TABLE|SCHEMA|DATABASE|SYSTEM [CONCURRENTLY] name. */
    private static List<Change> reindex(Cursor c) {
        c.skipParenthesized();
        String kind = c.word();
        if (kind == null) return List.of();
        boolean concurrently = c.accept("concurrently");
        return List.of(new Change.Reindex(kind, c.name(), concurrently));
    }

    private static String constraintKind(Cursor a) {
        if (a.peek("foreign")) return "foreign key";
        if (a.peek("check")) return "check";
        if (a.peek("unique")) return "unique";
        if (a.peek("primary")) return "primary key";
        if (a.peek("exclude")) return "exclude";
        return null;
    }

    /** A read position in a token list; words compare case-insensitively. */
    private static final class Cursor {
        private final List<Token> t;
        private int i;

        Cursor(List<Token> tokens) {
            this.t = tokens;
        }

        boolean peek(String word) {
            return i < t.size() && t.get(i).is(word);
        }

        String peekWord() {
            return i < t.size() && t.get(i).kind() == Kind.WORD ? t.get(i).norm() : null;
        }

        /** Words match case-insensitively; "(" and ")" match those symbols. */
        boolean accept(String... words) {
            for (int k = 0; k < words.length; k++) {
                if (i + k >= t.size()) return false;
                Token x = t.get(i + k);
                boolean symbol = words[k].equals("(") || words[k].equals(")");
                if (symbol ? !x.isSymbol(words[k]) : !x.is(words[k])) return false;
            }
            i += words.length;
            return true;
        }

        void acceptAny(String... words) {
            for (String w : words) if (accept(w)) return;
        }

        void skipParenthesized() {
            if (i >= t.size() || !t.get(i).isSymbol("(")) return;
            int depth = 0;
            do {
                if (t.get(i).isSymbol("(")) depth++;
                if (t.get(i).isSymbol(")")) depth--;
                i++;
            } while (i < t.size() && depth > 0);
        }

        List<Token> rest() {
            return t.subList(i, t.size());
        }

        /** A string literal's text as written (quotes included), or null when none is here. */
        String literal() {
            return i < t.size() && t.get(i).kind() == Kind.STRING ? t.get(i++).text() : null;
        }

        String word() {
            String w = peekWord();
            if (w != null) i++;
            return w;
        }

        /** A possibly qualified name ({@code a.b}), or null when none is here. */
        String name() {
            List<String> parts = new ArrayList<>();
            while (i < t.size() && (t.get(i).kind() == Kind.WORD || t.get(i).kind() == Kind.QUOTED_IDENT)) {
                parts.add(t.get(i++).norm());
                if (i < t.size() && t.get(i).isSymbol(".")) i++;
                else break;
            }
            return parts.isEmpty() ? null : ObjectNames.of(parts);
        }

        List<String> names() {
            List<String> out = new ArrayList<>();
            for (String n = name(); n != null; n = name()) {
                out.add(n);
                if (i < t.size() && t.get(i).isSymbol(",")) i++;
                else break;
            }
            return out;
        }

        boolean endsWith(String... words) {
            if (t.size() < words.length) return false;
            for (int k = 0; k < words.length; k++) if (!t.get(t.size() - words.length + k).is(words[k])) return false;
            return true;
        }

        List<List<Token>> restSplitAtDepthZeroCommas() {
            List<List<Token>> out = new ArrayList<>();
            List<Token> current = new ArrayList<>();
            int depth = 0;
            for (int k = i; k < t.size(); k++) {
                Token x = t.get(k);
                if (x.isSymbol("(") || x.isSymbol("[")) depth++;
                if (x.isSymbol(")") || x.isSymbol("]")) depth--;
                if (depth == 0 && x.isSymbol(",")) {
                    out.add(current);
                    current = new ArrayList<>();
                } else {
                    current.add(x);
                }
            }
            if (!current.isEmpty()) out.add(current);
            return out;
        }

        private List<Token> depthZeroRest() {
            List<Token> out = new ArrayList<>();
            int depth = 0;
            for (int k = i; k < t.size(); k++) {
                Token x = t.get(k);
                if (x.isSymbol("(")) depth++;
                else if (x.isSymbol(")")) depth--;
                else if (depth == 0) out.add(x);
            }
            return out;
        }

        /** {@code first second} at depth 0, not preceded by IS (so {@code IS NOT NULL} does not count); {@code first} alone when second is null. */
        boolean depthZeroPair(String first, String second) {
            List<Token> rest = depthZeroRest();
            for (int k = 0; k < rest.size(); k++) {
                boolean pair = second == null || k + 1 < rest.size() && rest.get(k + 1).is(second);
                if (rest.get(k).is(first) && pair && (k == 0 || !rest.get(k - 1).is("is"))) return true;
            }
            return false;
        }

        /** At {@code (}: each element that is a column (not a table constraint or LIKE) with its type, where it reads. */
        Map<String, ColumnType> columnTypes() {
            if (i >= t.size() || !t.get(i).isSymbol("(")) return Map.of();
            i++;
            Map<String, ColumnType> out = new LinkedHashMap<>();
            for (List<Token> element : restSplitAtDepthZeroCommas()) {
                if (element.isEmpty() || element.getFirst().kind() != Kind.WORD && element.getFirst().kind() != Kind.QUOTED_IDENT) continue;
                if (TABLE_ELEMENTS.contains(element.getFirst().norm()) && element.getFirst().kind() == Kind.WORD) continue;
                ColumnType type = ColumnType.read(element.subList(1, element.size()));
                if (type != null) out.put(ObjectNames.of(List.of(element.getFirst().norm())), type);
            }
            return out;
        }
    }
}
