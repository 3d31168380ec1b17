package dev.cairn.lint.rules;

import dev.cairn.lint.Severity;
import dev.cairn.lint.StatementRule;

import java.util.Locale;
import java.util.Optional;

/** The descriptive part every statement rule shares; a subclass adds only its check. */
abstract class BaseRule implements StatementRule {

    private final String id;
    private final Severity severity;
    private final String group;
    private final String problem;
    private final String fix;

    BaseRule(String id, Severity severity, String group, String problem, String fix) {
        this.id = id;
        this.severity = severity;
        this.group = group;
        this.problem = problem;
        this.fix = fix;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity defaultSeverity() {
        return severity;
    }

    @Override
    public final String problem() {
        return problem;
    }

    @Override
    public final String fix() {
        return fix;
    }

    @Override
    public final Optional<String> group() {
        return Optional.ofNullable(group);
    }

    @Override
    public String toString() {
        return id;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    static String orUnnamed(String name) {
        return name != null ? name : "(unnamed)";
    }
}
