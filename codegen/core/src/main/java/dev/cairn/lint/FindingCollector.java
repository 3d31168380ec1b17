package dev.cairn.lint;

import dev.cairn.lint.rules.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Applies the configured severities and the suppressions in force, and keeps what remains. */
final class FindingCollector {

    private final LintConfig config;
    private final List<Finding> findings = new ArrayList<>();

    FindingCollector(LintConfig config) {
        this.config = config;
    }

    void add(Path file, int line, LintRule rule, String message, List<Suppression> inForce) {
        if (inForce.stream().anyMatch(s -> s.covers(rule))) return;
        Severity severity = config.severityOf(rule);
        if (severity == Severity.OFF) return;
        findings.add(new Finding(file, line, rule, severity, message));
    }

    /** Reports suppression comments that are themselves wrong. */
    void checkSuppressions(Path file, List<Suppression> suppressions) {
        for (Suppression s : suppressions) {
            if (!s.hasReason()) {
                add(file, s.line(), Rules.SUPPRESSION_WITHOUT_REASON,
                        "lint:ignore without a reason; it suppresses nothing", List.of());
            }
            if (!s.unknownIds().isEmpty()) {
                add(file, s.line(), Rules.SUPPRESSION_UNKNOWN_RULE,
                        "lint:ignore names unknown rule(s) " + s.unknownIds() + "; it suppresses nothing", List.of());
            }
        }
    }

    int size() {
        return findings.size();
    }

    /** The findings kept since there were {@code size} of them. */
    List<Finding> since(int size) {
        return List.copyOf(findings.subList(size, findings.size()));
    }

    /** Findings kept before (a checkpoint's): severities and suppressions were applied then. */
    void addAll(List<Finding> kept) {
        findings.addAll(kept);
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }
}
