package dev.cairn.lint;

import dev.cairn.database.PostgresVersions;
import dev.cairn.lint.rules.Rules;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Severity per rule id (defaults from {@link Rules}), where the undo scripts are, and the
 * production PostgreSQL major the rules judge for (what rewrites a table depends on it). Without
 * undo directories the linter looks for a sibling {@code undo} of each migration directory
 * ({@code db/migration} → {@code db/undo}).
 */
public record LintConfig(Map<String, Severity> severities, List<Path> undoDirs, int postgresMajor) {

    public LintConfig {
        severities = Map.copyOf(severities);
        undoDirs = List.copyOf(undoDirs);
    }

    /** Default severities, for the production major the build declares ({@code postgres.production.major}). */
    public static LintConfig defaults() {
        return new LintConfig(Map.of(), List.of(), PostgresVersions.load().productionMajor());
    }

    /**
     * Every rule that would be an error reported as a warning instead: for adopting the linter on
     * an old chain, and for tests about something else than lint.
     */
    public static LintConfig reportOnly() {
        Map<String, Severity> all = new HashMap<>();
        for (LintRule r : Rules.all()) {
            all.put(r.id(), r.defaultSeverity() == Severity.ERROR ? Severity.WARNING : r.defaultSeverity());
        }
        return new LintConfig(all, List.of(), PostgresVersions.load().productionMajor());
    }

    public Severity severityOf(LintRule rule) {
        return severities.getOrDefault(rule.id(), rule.defaultSeverity());
    }

    public LintConfig withSeverity(LintRule rule, Severity severity) {
        Map<String, Severity> next = new HashMap<>(severities);
        next.put(rule.id(), severity);
        return new LintConfig(next, undoDirs, postgresMajor);
    }

    public LintConfig withUndoDirs(List<Path> dirs) {
        return new LintConfig(severities, dirs, postgresMajor);
    }

    public LintConfig withPostgresMajor(int major) {
        return new LintConfig(severities, undoDirs, major);
    }

    /**
     * Parses {@code rule-id=error|warning|info|off}, as given on the command line or in
     * cairn.properties' {@code lint=}; a group id ({@code not-idempotent}) sets every rule of it,
     * and a later assignment of one of its rules overrides that.
     */
    public LintConfig withSeverity(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("Expected rule=severity, got '" + assignment + "'");
        String id = assignment.substring(0, eq).trim();
        List<LintRule> rules = Rules.resolve(id);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("Unknown rule '" + id + "'; known rules: "
                    + Rules.all().stream().map(LintRule::id).toList() + ", groups: " + Rules.groups().keySet());
        }
        Severity severity = Severity.parse(assignment.substring(eq + 1));
        LintConfig next = this;
        for (LintRule r : rules) next = next.withSeverity(r, severity);
        return next;
    }
}
