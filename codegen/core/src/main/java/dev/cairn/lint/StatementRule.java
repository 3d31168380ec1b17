package dev.cairn.lint;

/** A rule checked on what each statement changes, without a database. */
public interface StatementRule extends LintRule {

    /** Reports through {@code context} when {@code change} breaks the rule. */
    void check(Change change, RuleContext context);
}
