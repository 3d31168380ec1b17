package dev.cairn.lint.rules;

import dev.cairn.lint.LintRule;
import dev.cairn.lint.Severity;

/**
 * A rule whose check is not a statement check: file names and undo pairing (FileNameRules,
 * FileNameStyle), suppression comments, the parser's fallback note, and what the pipeline observed
 * on the database (dev.cairn.observe). Registered like the others, so severities, suppressions and
 * the docs table treat every rule alike.
 */
record DescribedRule(String id, Severity defaultSeverity, String checkedOn, String problem, String fix,
                     boolean suppressible) implements LintRule {

    DescribedRule(String id, Severity defaultSeverity, String checkedOn, String problem, String fix) {
        this(id, defaultSeverity, checkedOn, problem, fix, true);
    }

    @Override
    public String toString() {
        return id;
    }
}
