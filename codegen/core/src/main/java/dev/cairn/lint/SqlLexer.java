package dev.cairn.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's lexical structure, as much as statement splitting and keyword checks need:
 * quoted strings (also E'..' with backslash escapes), quoted identifiers, dollar-quoted bodies,
 * line and nested block comments. Nothing here looks at the meaning of a statement.
 */
final class SqlLexer {

    enum Kind { WORD, QUOTED_IDENT, STRING, DOLLAR_STRING, NUMBER, SYMBOL, SEMICOLON }

    /** A token; {@code start}/{@code end} are offsets into the lexed text, {@code line} is 1-based. */
    record Token(Kind kind, String text, int line, int start, int end) {
        /** Lower-case text of a word, or the text itself; quoted identifiers unquoted. */
        String norm() {
            return switch (kind) {
                case WORD -> text.toLowerCase(Locale.ROOT);
                case QUOTED_IDENT -> text.substring(1, text.length() - 1).replace("\"\"", "\"");
                default -> text;
            };
        }

        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        /** The inside of a dollar-quoted string, and the offset where it starts. */
        String dollarBody() {
            int open = text.indexOf('$', 1) + 1;
            return text.substring(open, text.length() - open);
        }

        int dollarBodyOffset() {
            return start + text.indexOf('$', 1) + 1;
        }
    }

    record Comment(String text, int line, boolean lineComment) {
    }

    record Lexed(List<Token> tokens, List<Comment> comments) {
    }

    /** Thrown for text that is not SQL at the lexical level (an unterminated string or comment). */
    static final class LexException extends RuntimeException {
        final int line;

        LexException(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    private final String s;
    private int pos;
    private int line;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();

    private SqlLexer(String source, int firstLine) {
        this.s = source;
        this.line = firstLine;
    }

    static Lexed lex(String source, int firstLine) {
        SqlLexer lexer = new SqlLexer(source, firstLine);
        lexer.run();
        return new Lexed(List.copyOf(lexer.tokens), List.copyOf(lexer.comments));
    }

    private void run() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                int end = s.indexOf('\n', pos);
                if (end < 0) end = s.length();
                comments.add(new Comment(s.substring(pos + 2, end).trim(), line, true));
                pos = end;
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == '\'') {
                quoted(Kind.STRING, '\'', false, pos);
            } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
                pos++;
                quoted(Kind.STRING, '\'', true, pos - 1);
            } else if (c == '"') {
                quoted(Kind.QUOTED_IDENT, '"', false, pos);
            } else if (c == '$' && dollarTagEnd() > 0) {
                dollarString();
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '$')) pos++;
                add(Kind.WORD, start, line);
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.')) pos++;
                add(Kind.NUMBER, start, line);
            } else if (c == ';') {
                pos++;
                add(Kind.SEMICOLON, pos - 1, line);
            } else {
                pos++;
                add(Kind.SYMBOL, pos - 1, line);
            }
        }
    }

    private char peek(int ahead) {
        return pos + ahead < s.length() ? s.charAt(pos + ahead) : '\0';
    }

    private void add(Kind kind, int start, int startLine) {
        tokens.add(new Token(kind, s.substring(start, pos), startLine, start, pos));
    }

    private void blockComment() {
        int startLine = line;
        int start = pos;
        int depth = 0;
        while (pos < s.length()) {
            if (s.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (s.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    comments.add(new Comment(s.substring(start + 2, pos - 2).trim(), startLine, false));
                    return;
                }
            } else {
                if (s.charAt(pos) == '\n') line++;
                pos++;
            }
        }
        throw new LexException("unterminated /* comment */ that starts here", startLine);
    }

    private void quoted(Kind kind, char quote, boolean backslashEscapes, int start) {
        int startLine = line;
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '\n') line++;
            pos++;
            if (c == quote) {
                if (peek(0) == quote) {
                    pos++;
                    continue;
                }
                tokens.add(new Token(kind, s.substring(start, pos), startLine, start, pos));
                return;
            }
        }
        throw new LexException("unterminated " + (kind == Kind.STRING ? "string literal" : "quoted identifier")
                + " (" + quote + ") that starts here", startLine);
    }

    /** End (exclusive) of a {@code $tag$} opener at pos, or -1 when pos is not one ($1 parameters are not). */
    private int dollarTagEnd() {
        int i = pos + 1;
        if (i < s.length() && s.charAt(i) == '$') return i + 1;
        if (i >= s.length() || !(Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) return -1;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        return i < s.length() && s.charAt(i) == '$' ? i + 1 : -1;
    }

    private void dollarString() {
        int startLine = line;
        int start = pos;
        String tag = s.substring(pos, dollarTagEnd());
        int close = s.indexOf(tag, pos + tag.length());
        if (close < 0) throw new LexException("unterminated dollar-quoted string " + tag + " that starts here", startLine);
        for (int i = pos; i < close; i++) if (s.charAt(i) == '\n') line++;
        pos = close + tag.length();
        tokens.add(new Token(Kind.DOLLAR_STRING, s.substring(start, pos), startLine, start, pos));
    }
}
