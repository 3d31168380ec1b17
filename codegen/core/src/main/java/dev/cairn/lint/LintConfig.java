package dev.cairn.lint;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Severity per rule (defaults from {@link Rule}) and where the undo scripts are. Without undo
 * directories the linter looks for a sibling {@code undo} of each migration directory
 * ({@code db/migration} → {@code db/undo}).
 */
public record LintConfig(Map<Rule, Severity> severities, List<Path> undoDirs) {

    public LintConfig {
        EnumMap<Rule, Severity> copy = new EnumMap<>(Rule.class);
        copy.putAll(severities);
        severities = Map.copyOf(copy);
        undoDirs = List.copyOf(undoDirs);
    }

    public static LintConfig defaults() {
        return new LintConfig(Map.of(), List.of());
    }

    /**
     * Every rule that would be an error reported as a warning instead: for adopting the linter on
     * an old chain, and for tests about something else than lint.
     */
    public static LintConfig reportOnly() {
        EnumMap<Rule, Severity> all = new EnumMap<>(Rule.class);
        for (Rule r : Rule.values()) {
            all.put(r, r.defaultSeverity() == Severity.ERROR ? Severity.WARNING : r.defaultSeverity());
        }
        return new LintConfig(all, List.of());
    }

    public Severity severityOf(Rule rule) {
        return severities.getOrDefault(rule, rule.defaultSeverity());
    }

    public LintConfig withSeverity(Rule rule, Severity severity) {
        EnumMap<Rule, Severity> next = new EnumMap<>(Rule.class);
        next.putAll(severities);
        next.put(rule, severity);
        return new LintConfig(next, undoDirs);
    }

    public LintConfig withUndoDirs(List<Path> dirs) {
        return new LintConfig(severities, dirs);
    }

    /** Parses {@code rule-id=error|warning|info|off}, as given on the command line. */
    public LintConfig withSeverity(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("Expected rule=severity, got '" + assignment + "'");
        String id = assignment.substring(0, eq).trim();
        Rule rule = Rule.byId(id).orElseThrow(() -> new IllegalArgumentException(
                "Unknown rule '" + id + "'; known rules: " + java.util.Arrays.stream(Rule.values()).map(Rule::id).toList()));
        return withSeverity(rule, Severity.parse(assignment.substring(eq + 1)));
    }
}
