package dev.cairn.lint;

import java.nio.file.Path;

/** One problem at one place: {@code path:line severity rule-id message (fix: ...)}. */
public record Finding(Path file, int line, LintRule rule, Severity severity, String message) {

    public String ruleId() {
        return rule.id();
    }

    public String fix() {
        return rule.fix();
    }

    /** The line a person reads, with the path shown relative to {@code base} where it lies below it. */
    public String format(Path base) {
        return display(file, base) + ":" + line + " " + severity.label() + " " + rule.id() + " " + message
                + " (fix: " + rule.fix() + ")";
    }

    static String display(Path file, Path base) {
        Path f = file.toAbsolutePath().normalize();
        Path b = base == null ? null : base.toAbsolutePath().normalize();
        return (b != null && f.startsWith(b) ? b.relativize(f) : f).toString().replace('\\', '/');
    }
}
