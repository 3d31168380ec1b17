package dev.cairn.json;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer for --json output (objects, arrays, strings, numbers, booleans,
 * null), so machine output needs no JSON library. Commas and nesting are tracked here; the
 * caller only says what comes next.
 */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    /** Per open container: has it got an element yet? */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter beginObject() {
        value();
        out.append('{');
        open.push(new boolean[] {false});
        return this;
    }

    public JsonWriter endObject() {
        open.pop();
        out.append('}');
        return this;
    }

    public JsonWriter beginArray() {
        value();
        out.append('[');
        open.push(new boolean[] {false});
        return this;
    }

    public JsonWriter endArray() {
        open.pop();
        out.append(']');
        return this;
    }

    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        value();
        if (s == null) out.append("null");
        else string(s);
        return this;
    }

    public JsonWriter value(Number n) {
        value();
        out.append(n == null ? "null" : n.toString());
        return this;
    }

    public JsonWriter value(boolean b) {
        value();
        out.append(b);
        return this;
    }

    public JsonWriter field(String name, String s) {
        return name(name).value(s);
    }

    public JsonWriter field(String name, Number n) {
        return name(name).value(n);
    }

    public JsonWriter field(String name, boolean b) {
        return name(name).value(b);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void value() {
        if (afterName) {
            afterName = false;
            return;
        }
        separate();
    }

    private void separate() {
        if (open.isEmpty()) return;
        boolean[] hasElement = open.peek();
        if (hasElement[0]) out.append(',');
        hasElement[0] = true;
    }

    private void string(String s) {
        out.append(quote(s));
    }

    /** A JSON string literal for s ("null" for null): the one escaping routine of every --json output. */
    public static String quote(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
