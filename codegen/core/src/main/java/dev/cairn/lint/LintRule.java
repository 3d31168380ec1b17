package dev.cairn.lint;

import java.util.Optional;

/**
 * One lint rule: its stable id (used in output, {@code -- lint:ignore} and {@code lint=id=level}),
 * default severity, what it flags and how to fix it. Every rule is listed once in
 * {@link dev.cairn.lint.rules.Rules}; statement rules also carry their check ({@link StatementRule}).
 */
public interface LintRule {

    String id();

    Severity defaultSeverity();

    /** What is wrong, one sentence, for the docs table. */
    String problem();

    /** What to do instead, printed after every finding. */
    String fix();

    /** Where the check runs: {@code statement}, {@code file}, {@code comment}, {@code parser} or {@code database}. */
    default String checkedOn() {
        return "statement";
    }

    /** The old broad id this rule was split from ({@code destructive}, {@code not-idempotent}), which still names the group. */
    default Optional<String> group() {
        return Optional.empty();
    }

    /** Rules about the suppression comments themselves cannot be suppressed by one. */
    default boolean suppressible() {
        return true;
    }
}
