package dev.trackerdb.codegen.cli;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer for --json output (objects, arrays, strings, numbers, booleans,
 * null), so machine output needs no JSON library. Commas and nesting are tracked here; the
 * caller only says what comes next.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    /** Per open container: has it got an element yet? */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        value();
        out.append('{');
        open.push(new boolean[] {false});
        return this;
    }

    JsonWriter endObject() {
        open.pop();
        out.append('}');
        return this;
    }

    JsonWriter beginArray() {
        value();
        out.append('[');
        open.push(new boolean[] {false});
        return this;
    }

    JsonWriter endArray() {
        open.pop();
        out.append(']');
        return this;
    }

    JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        value();
        if (s == null) out.append("null");
        else string(s);
        return this;
    }

    JsonWriter value(Number n) {
        value();
        out.append(n == null ? "null" : n.toString());
        return this;
    }

    JsonWriter value(boolean b) {
        value();
        out.append(b);
        return this;
    }

    JsonWriter field(String name, String s) {
        return name(name).value(s);
    }

    JsonWriter field(String name, Number n) {
        return name(name).value(n);
    }

    JsonWriter field(String name, boolean b) {
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
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
