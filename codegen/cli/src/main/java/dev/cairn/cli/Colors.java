package dev.cairn.cli;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * ANSI colours, only for a person at a terminal: off when output is redirected (System.console()
 * is not a terminal) and whenever NO_COLOR is set (https://no-color.org).
 */
record Colors(boolean enabled) {

    static Colors detect(Map<String, String> env) {
        if (env.get("NO_COLOR") != null) return new Colors(false);
        return new Colors(isTerminal());
    }

    static Colors none() {
        return new Colors(false);
    }

    String green(String s) {
        return wrap("32", s);
    }

    String yellow(String s) {
        return wrap("33", s);
    }

    String red(String s) {
        return wrap("31", s);
    }

    String bold(String s) {
        return wrap("1", s);
    }

    String dim(String s) {
        return wrap("2", s);
    }

    private String wrap(String code, String s) {
        return enabled && !s.isEmpty() ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    /**
     * JDK 21 returns no Console when output is redirected; JDK 22+ may return one anyway and
     * answers the question with Console.isTerminal() (looked up reflectively: we compile for 21).
     */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            Method m = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
