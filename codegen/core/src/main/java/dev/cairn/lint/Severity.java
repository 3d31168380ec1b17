package dev.cairn.lint;

import java.util.Locale;

/** How much a finding matters. ERROR fails the build; INFO only explains how a statement was checked. */
public enum Severity {
    ERROR, WARNING, INFO, OFF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown severity '" + text + "': use error, warning, info or off");
        }
    }
}
