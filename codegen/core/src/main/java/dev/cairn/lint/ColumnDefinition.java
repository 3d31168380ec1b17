package dev.cairn.lint;

import dev.cairn.lint.SqlLexer.Kind;
import dev.cairn.lint.SqlLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a column definition ({@code type [constraints]}, after ADD COLUMN name) says about how
 * PostgreSQL fills existing rows, read from its tokens: jOOQ's model does not keep whether a
 * default is volatile, and the keyword reader has nothing else.
 */
record ColumnDefinition(boolean notNull, Change.DefaultKind defaultKind, boolean generatedSequence,
                        boolean storedGenerated, boolean inlineKey) {

    private static final Set<String> SERIAL_TYPES = Set.of("serial", "bigserial", "smallserial", "serial2", "serial4", "serial8");

    /** Built-ins that are evaluated per row: as a DEFAULT of a new column they write every row. */
    private static final Set<String> VOLATILE = Set.of("random", "random_normal", "gen_random_uuid", "uuidv4", "uuidv7",
            "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval", "setseed");

    /**
     * Built-ins that are STABLE or IMMUTABLE (evaluated once when the column is added), and type
     * names that take a modifier in a cast ({@code 0::numeric(10,2)}). Any other function is taken
     * as volatile: functions a project writes are VOLATILE unless declared otherwise.
     */
    private static final Set<String> NON_VOLATILE = Set.of("now", "current_timestamp", "current_date", "current_time",
            "localtimestamp", "localtime", "statement_timestamp", "transaction_timestamp", "current_setting", "current_user",
            "session_user", "lower", "upper", "coalesce", "nullif", "greatest", "least", "concat", "length", "abs", "round",
            "floor", "ceil", "trim", "substring", "replace", "date_trunc", "make_interval", "make_date", "make_timestamp",
            "make_timestamptz", "to_json", "to_jsonb", "json_build_object", "jsonb_build_object", "json_build_array",
            "jsonb_build_array", "array", "row", "timezone", "numeric", "decimal", "varchar", "char", "character", "bpchar",
            "timestamp", "timestamptz", "time", "timetz", "interval", "bit", "varbit", "float", "cast");

    /** Words that end a DEFAULT expression at depth 0 (the next column constraint starts). */
    private static final Set<String> AFTER_DEFAULT = Set.of("not", "null", "constraint", "check", "unique", "primary",
            "references", "generated", "collate");

    /** @param t the tokens after the column name: its type, then its constraints */
    static ColumnDefinition of(List<Token> t) {
        List<Token> top = depthZero(t);
        String type = t.isEmpty() || t.getFirst().kind() != Kind.WORD ? null : t.getFirst().norm();
        boolean primaryKey = pair(top, "primary", "key");
        boolean notNull = primaryKey || notNull(top);
        boolean generated = top.stream().anyMatch(x -> x.is("generated"));
        boolean identity = generated && top.stream().anyMatch(x -> x.is("identity"));
        boolean stored = generated && top.stream().anyMatch(x -> x.is("stored"));
        boolean serial = type != null && SERIAL_TYPES.contains(type);
        boolean unique = top.stream().anyMatch(x -> x.is("unique"));
        return new ColumnDefinition(notNull, defaultKind(t), serial || identity, stored, primaryKey || unique);
    }

    private static Change.DefaultKind defaultKind(List<Token> t) {
        int depth = 0;
        int start = -1;
        for (int i = 0; i < t.size(); i++) {
            Token x = t.get(i);
            if (x.isSymbol("(")) depth++;
            else if (x.isSymbol(")")) depth--;
            else if (depth == 0 && x.is("default")) {
                start = i + 1;
                break;
            }
        }
        if (start < 0 || start >= t.size()) return Change.DefaultKind.NONE;
        List<Token> expr = new ArrayList<>();
        depth = 0;
        for (int i = start; i < t.size(); i++) {
            Token x = t.get(i);
            if (depth == 0 && !expr.isEmpty() && x.kind() == Kind.WORD && AFTER_DEFAULT.contains(x.norm())) break;
            if (x.isSymbol("(")) depth++;
            if (x.isSymbol(")")) depth--;
            expr.add(x);
        }
        if (expr.size() == 1 && expr.getFirst().is("null")) return Change.DefaultKind.NONE;
        for (int i = 0; i + 1 < expr.size(); i++) {
            Token x = expr.get(i);
            if (x.kind() == Kind.WORD && expr.get(i + 1).isSymbol("(")) {
                String fn = x.norm();
                // schema-qualified: the name after the dot decides
                if (VOLATILE.contains(fn) || !NON_VOLATILE.contains(fn)) return Change.DefaultKind.VOLATILE;
            }
        }
        return Change.DefaultKind.NON_VOLATILE;
    }

    private static List<Token> depthZero(List<Token> t) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        for (Token x : t) {
            if (x.isSymbol("(")) depth++;
            else if (x.isSymbol(")")) depth--;
            else if (depth == 0) out.add(x);
        }
        return out;
    }

    private static boolean pair(List<Token> top, String first, String second) {
        for (int k = 0; k + 1 < top.size(); k++) if (top.get(k).is(first) && top.get(k + 1).is(second)) return true;
        return false;
    }

    /** NOT NULL at depth 0, not preceded by IS (so a CHECK's {@code IS NOT NULL} does not count). */
    private static boolean notNull(List<Token> top) {
        for (int k = 0; k + 1 < top.size(); k++) {
            if (top.get(k).is("not") && top.get(k + 1).is("null") && (k == 0 || !top.get(k - 1).is("is"))) return true;
        }
        return false;
    }
}
