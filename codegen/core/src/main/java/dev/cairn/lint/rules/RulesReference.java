package dev.cairn.lint.rules;

import dev.cairn.lint.LintRule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * docs/lint-rules.md, made from {@link Rules} so the rule table cannot drift from the code (as
 * {@code SettingsReference} does for docs/reference.md). {@code RulesReferenceTest} fails when the
 * committed page differs; {@code main} rewrites it.
 */
public final class RulesReference {

    private RulesReference() {
    }

    public static String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("""
                # Lint rules

                <!-- Generated from dev.cairn.lint.rules.Rules by RulesReference; do not edit by hand. -->

                Every rule cairn reports, with its id (for `--severity id=level`, `lint=id=level` in
                cairn.properties and `-- lint:ignore id reason: ...`), its default severity and where it
                is checked: `statement` by reading the SQL, `file` by file names, `comment` by the
                suppression comments, `parser` by how a statement was read, `database` by the pipeline on
                the throwaway database (dev.cairn.observe). [lint.md](lint.md) explains how lint works.

                | rule id | default | checked on | group | what it flags | fix |
                | --- | --- | --- | --- | --- | --- |
                """);
        for (LintRule r : Rules.all()) {
            b.append("| `").append(r.id()).append("` | ").append(r.defaultSeverity().label()).append(" | ")
                    .append(r.checkedOn()).append(" | ").append(r.group().map(g -> "`" + g + "`").orElse("")).append(" | ")
                    .append(cell(r.problem())).append(" | ").append(cell(r.fix())).append(" |\n");
        }
        b.append("""

                ## Groups

                A group id names every rule split from it, so settings and suppressions written before the
                split keep working: `lint=not-idempotent=error` sets each of its rules, and
                `-- lint:ignore destructive reason: ...` silences each of its rules for that statement. A
                later assignment of one rule overrides its group's (`lint=not-idempotent=error,not-idempotent-drop=off`).

                | group | rules |
                | --- | --- |
                """);
        Rules.groups().forEach((g, rules) -> b.append("| `").append(g).append("` | ")
                .append(rules.stream().map(r -> "`" + r.id() + "`").collect(Collectors.joining(", "))).append(" |\n"));
        return b.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("$$", "\\$\\$");
    }

    /** Rewrites the page: {@code RulesReference docs/lint-rules.md}. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), markdown(), StandardCharsets.UTF_8);
    }
}
