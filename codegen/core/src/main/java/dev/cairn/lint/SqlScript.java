package dev.cairn.lint;

import dev.cairn.lint.SqlLexer.Comment;
import dev.cairn.lint.SqlLexer.Kind;
import dev.cairn.lint.SqlLexer.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A script split into statements at top-level semicolons (semicolons inside strings, quoted
 * identifiers, comments and dollar-quoted bodies do not count), keeping line numbers.
 */
record SqlScript(List<SqlStatement> statements, List<Comment> comments) {

    static SqlScript parse(String source) {
        return parse(source, 1);
    }

    /** Splits {@code source}, whose first line is line {@code firstLine} of its file (a DO body starts mid-file). */
    static SqlScript parse(String source, int firstLine) {
        SqlLexer.Lexed lexed = SqlLexer.lex(source, firstLine);
        Set<Integer> tokenLines = new HashSet<>();
        for (Token t : lexed.tokens()) {
            int newlines = (int) t.text().chars().filter(c -> c == '\n').count();
            for (int l = t.line(); l <= t.line() + newlines; l++) tokenLines.add(l);
        }
        Map<Integer, List<Comment>> commentOnlyLines = new HashMap<>();
        for (Comment c : lexed.comments()) {
            if (!tokenLines.contains(c.line())) commentOnlyLines.computeIfAbsent(c.line(), k -> new ArrayList<>()).add(c);
        }

        List<SqlStatement> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int atomic = 0;
        int ruleParens = 0;
        for (Token t : lexed.tokens()) {
            atomic = atomicDepth(current, t, atomic);
            ruleParens = ruleActionDepth(current, t, ruleParens);
            if (t.kind() == Kind.SEMICOLON && atomic == 0 && ruleParens == 0) {
                if (!current.isEmpty()) statements.add(statement(source, current, commentOnlyLines));
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty()) statements.add(statement(source, current, commentOnlyLines));
        return new SqlScript(List.copyOf(statements), lexed.comments());
    }

    /**
     * Depth inside a SQL-standard function body ({@code CREATE FUNCTION ... BEGIN ATOMIC ...; ...; END}),
     * whose semicolons end its inner statements, not the CREATE. CASE ... END nests inside it.
     */
    private static int atomicDepth(List<Token> current, Token t, int depth) {
        int n = current.size();
        if (depth == 0) {
            boolean opens = t.is("atomic") && n > 0 && current.get(n - 1).is("begin") && current.getFirst().is("create");
            return opens ? 1 : 0;
        }
        if (t.is("case") || t.is("begin")) return depth + 1;
        if (t.is("end")) return depth - 1;
        return depth;
    }

    /**
     * Parenthesis depth inside {@code CREATE [OR REPLACE] RULE ... DO [INSTEAD] (a; b)}, whose
     * action list is the one place plain SQL puts semicolons inside parentheses.
     */
    private static int ruleActionDepth(List<Token> current, Token t, int depth) {
        boolean rule = current.size() >= 2 && current.getFirst().is("create")
                && (current.get(1).is("rule") || current.size() >= 4 && current.get(3).is("rule"));
        if (!rule) return 0;
        if (t.isSymbol("(")) return depth + 1;
        if (t.isSymbol(")")) return Math.max(0, depth - 1);
        return depth;
    }

    private static SqlStatement statement(String source, List<Token> tokens, Map<Integer, List<Comment>> commentOnlyLines) {
        int line = tokens.getFirst().line();
        List<Comment> leading = new ArrayList<>();
        for (int l = line - 1; commentOnlyLines.containsKey(l); l--) leading.addAll(0, commentOnlyLines.get(l));
        String text = source.substring(tokens.getFirst().start(), tokens.getLast().end());
        return new SqlStatement(text, line, tokens, leading);
    }
}
