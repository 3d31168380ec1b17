package dev.cairn.database;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements with their starting line, respecting quotes,
 * dollar-quoted bodies and comments. jOOQ's parser cannot do this for the offline mode: it parses
 * a whole script or fails at the first statement it does not know, and the point is to go on and
 * list every such statement.
 */
final class SqlScriptStatements {

    record Statement(int line, String sql) {
    }

    private SqlScriptStatements() {
    }

    static List<Statement> split(String script) {
        List<Statement> out = new ArrayList<>();
        int n = script.length();
        int line = 1;
        int start = -1;       // index of the current statement's first significant character
        int startLine = 1;
        int i = 0;
        while (i < n) {
            char c = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {                       // line comment
                while (i < n && script.charAt(i) != '\n') i++;
                continue;
            }
            if (c == '/' && next == '*') {                       // block comment (PostgreSQL nests them)
                int depth = 0;
                do {
                    if (script.startsWith("/*", i)) { depth++; i += 2; }
                    else if (script.startsWith("*/", i)) { depth--; i += 2; }
                    else { if (script.charAt(i) == '\n') line++; i++; }
                } while (i < n && depth > 0);
                continue;
            }
            if (c == '\n') { line++; i++; continue; }
            if (Character.isWhitespace(c)) { i++; continue; }
            if (start < 0 && c != ';') { start = i; startLine = line; }
            if (c == ';') {
                if (start >= 0) out.add(new Statement(startLine, script.substring(start, i).strip()));
                start = -1;
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                boolean backslashes = c == '\'' && i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e');
                i++;
                while (i < n) {
                    char q = script.charAt(i);
                    if (q == '\n') line++;
                    if (backslashes && q == '\\') { i += 2; continue; }
                    if (q == c) {
                        if (i + 1 < n && script.charAt(i + 1) == c) { i += 2; continue; }
                        break;
                    }
                    i++;
                }
                i++;
                continue;
            }
            if (c == '$') {                                      // $tag$ ... $tag$
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(script.charAt(j)) || script.charAt(j) == '_')) j++;
                if (j < n && script.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(script.charAt(i + 1)))) {
                    String tag = script.substring(i, j + 1);
                    int end = script.indexOf(tag, j + 1);
                    int stop = end < 0 ? n : end + tag.length();
                    for (int k = i; k < stop; k++) if (script.charAt(k) == '\n') line++;
                    i = stop;
                    continue;
                }
            }
            i++;
        }
        if (start >= 0) {
            String rest = script.substring(start).strip();
            if (!rest.isEmpty()) out.add(new Statement(startLine, rest));
        }
        return out;
    }
}
