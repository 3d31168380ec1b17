package dev.cairn.cli;


import dev.cairn.lint.LintConfig;
import dev.cairn.lint.Linter;
import dev.cairn.lint.LintRule;
import dev.cairn.lint.rules.Rules;
import dev.cairn.build.Goals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check the SQL migrations for unsafe or non-repeatable statements, without a database.",
                "Undo scripts are read from the sibling directory undo; a directory named data holds data migrations.",
                "Silence a rule for one statement with a comment line directly above it:",
                "  -- lint:ignore <rule-id>[,<rule-id>] reason: <why it is safe>"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:no errors (warnings may remain)", " 1:failure (unreadable file or directory)",
                " 2:errors found", "64:usage error"})
final class LintCommand implements Callable<Integer> {

    CommandSpec spec;

    /** Injected by picocli; also lists the rules under the usage text, from the registry ({@link Rules}). */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        spec.usageMessage().footerHeading("%nRules (id, default severity, checked on; docs/lint-rules.md explains each):%n")
                .footer(rulesHelp());
    }

    @Mixin
    ProjectOptions project;


    // --lint is the setting's one name (as in generate, cairn.properties' lint= and -Dcairn.lint).
    @Option(names = {"--severity", "--lint"}, split = ",", paramLabel = "RULE=LEVEL",
            description = "Change a rule's severity: error, warning, info or off (repeatable; --lint is the same).")
    List<String> severities;

    @Option(names = "--all", description = "Also list the findings in released migrations (those in migrations.lock),"
            + " which never fail a build: they cannot be edited any more.")
    boolean all;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    static String rulesHelp() {
        String rules = Rules.all().stream()
                .map(r -> String.format("  %-32s %-8s %s", r.id(), r.defaultSeverity().label(), r.checkedOn()))
                .collect(Collectors.joining("%n"));
        String groups = Rules.groups().entrySet().stream()
                .map(g -> String.format("  %-32s %s", g.getKey(), g.getValue().stream().map(LintRule::id).collect(Collectors.joining(", "))))
                .collect(Collectors.joining("%n"));
        return rules + "%n%nGroups (an id that names all of these, in --severity, lint= and lint:ignore):%n" + groups;
    }

    @Override
    public Integer call() throws Exception {
        Path root = project.root();
        // cairn.properties' lint= severities (e.g. the opt-in file-name-style) first, --severity on top;
        // undo scripts are found beside the migration folders, as before.
        LintConfig settings = project.settings().lint();
        LintConfig config = new LintConfig(settings.severities(), List.of(), settings.postgresMajor());
        if (severities != null) {
            for (String s : severities) {
                try {
                    config = config.withSeverity(s);
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println("error: --severity " + s + ": " + e.getMessage());
                    return Cairn.USAGE;
                }
            }
        }
        Goals.LintRun run = Goals.lint(project.settings(), config, all);
        var out = spec.commandLine().getOut();
        out.print(json ? run.report().toJson(root) : run.format(root));
        out.flush();
        return run.failed() ? Cairn.FINDINGS : Cairn.OK;
    }
}
