package dev.cairn.lint;

import dev.cairn.lint.SqlLexer.Kind;
import dev.cairn.lint.SqlLexer.Token;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An anonymous {@code DO $$ BEGIN ... [EXCEPTION WHEN ... THEN NULL;] END $$} block, taken apart
 * into the SQL statements of its body. {@code duplicateGuarded}: the handler swallows only
 * duplicate_* errors, which makes the CREATEs inside idempotent. {@code procedural}: the body has
 * more than plain statements (DECLARE, IF, loops, ...), so only its plain statements are known.
 */
record DoBlock(List<SqlStatement> statements, boolean duplicateGuarded, boolean procedural) {

    private static final Set<String> DUPLICATE_ERRORS = Set.of("duplicate_object", "duplicate_table",
            "duplicate_column", "duplicate_schema", "duplicate_function", "duplicate_database", "duplicate_alias");
    private static final Set<String> PROCEDURAL = Set.of("if", "loop", "for", "foreach", "while", "perform", "execute",
            "raise", "return", "declare", "begin", "case", "get", "call", "assert", "null", "exit", "continue");

    static boolean startsDo(SqlStatement s) {
        return s.first().is("do");
    }

    static Optional<DoBlock> of(SqlStatement s) {
        Token body = s.tokens().stream().filter(t -> t.kind() == Kind.DOLLAR_STRING).findFirst().orElse(null);
        if (body == null) return Optional.empty();
        String text = body.dollarBody();
        List<Token> t = SqlLexer.lex(text, body.line()).tokens();
        if (t.size() < 2 || !t.getFirst().is("begin")) {
            return Optional.of(new DoBlock(SqlScript.parse(text, body.line()).statements(), false, true));
        }
        int exception = -1;
        int end = -1;
        int depth = 0;
        for (int i = 1; i < t.size(); i++) {
            Token x = t.get(i);
            if (x.is("begin") || (x.is("case") && !t.get(i - 1).is("end")) || (x.is("if") && !t.get(i - 1).is("end"))
                    || (x.is("loop") && !t.get(i - 1).is("end"))) depth++;
            else if (x.is("end")) {
                if (depth == 0) {
                    end = i;
                    break;
                }
                depth--;
            } else if (depth == 0 && x.is("exception") && exception < 0) exception = i;
        }
        if (end < 0) return Optional.of(new DoBlock(SqlScript.parse(text, body.line()).statements(), false, true));
        Token begin = t.getFirst();
        int innerEnd = t.get(exception >= 0 ? exception : end).start();
        String inner = text.substring(begin.end(), innerEnd);
        List<SqlStatement> statements = SqlScript.parse(inner, begin.line()).statements();
        boolean procedural = statements.stream().anyMatch(st -> PROCEDURAL.contains(st.first().norm()));
        boolean guarded = exception >= 0 && duplicateOnlyHandler(t.subList(exception + 1, end));
        return Optional.of(new DoBlock(statements, guarded, procedural));
    }

    /** {@code WHEN duplicate_x [OR duplicate_y] THEN NULL;} and nothing else. */
    private static boolean duplicateOnlyHandler(List<Token> h) {
        int i = 0;
        if (i >= h.size() || !h.get(i++).is("when")) return false;
        while (true) {
            if (i >= h.size() || !DUPLICATE_ERRORS.contains(h.get(i++).norm())) return false;
            if (i < h.size() && h.get(i).is("or")) {
                i++;
                continue;
            }
            break;
        }
        if (i + 1 >= h.size() || !h.get(i).is("then") || !h.get(i + 1).is("null")) return false;
        i += 2;
        while (i < h.size() && h.get(i).kind() == Kind.SEMICOLON) i++;
        return i == h.size();
    }
}
