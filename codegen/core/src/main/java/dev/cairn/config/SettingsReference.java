package dev.cairn.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docs/reference.md's table, made from {@link Setting} so the docs cannot drift from the code.
 * {@code SettingsReferenceTest} fails when the committed page differs; {@code main} rewrites it.
 */
public final class SettingsReference {

    /** Settings the CLI has no option for: Maven-only ones. */
    private static final java.util.Set<Setting> NO_CLI_OPTION = java.util.EnumSet.of(Setting.SKIP);

    private SettingsReference() {
    }

    public static String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("""
                # Settings reference

                <!-- Generated from dev.cairn.config.Setting by SettingsReference; do not edit by hand. -->

                Every setting has one name. The pom's `<configuration>` and `cairn.properties` use it as is,
                `-D` prefixes it with `cairn.`, the environment spells it in capitals with `CAIRN_`, and the
                CLI as a `--kebab-case` option. The first of these that is set wins: the pom's
                `<configuration>` or the CLI option, then `-Dcairn.<key>`, then `CAIRN_<KEY>`, then the
                project's `cairn.properties`, then the default. Relative paths are relative to the project
                directory (the pom's directory, or `--project-dir`).

                | key (pom, cairn.properties) | -D property | environment | CLI option | default | what it does |
                | --- | --- | --- | --- | --- | --- |
                """);
        for (Setting s : Setting.values()) {
            b.append("| `").append(s.key()).append("` | `").append(s.property()).append("` | `")
                    .append(s.environmentVariable()).append("` | ")
                    .append(NO_CLI_OPTION.contains(s) ? "(Maven only)" : "`" + s.option() + "`").append(" | ")
                    .append(s.defaultValue().isEmpty() ? "" : "`" + s.defaultValue() + "`").append(" | ")
                    .append(s.description().replace("|", "\\|")).append(" |\n");
        }
        b.append("""

                The Maven plugin also takes jOOQ's own `<generator>` element inline (see
                [use-it.md](use-it.md)). In CI (`ci`: `CI=true`, or the variables of Jenkins, TeamCity,
                Azure Pipelines, Bamboo, Buildkite, GitLab) `check` is on when the output directory is
                committed (not under `target/`), and every run migrates from zero ([freshness.md](freshness.md)).
                """);
        return b.toString();
    }

    public static boolean hasOption(Setting s) {
        return !NO_CLI_OPTION.contains(s);
    }

    /** Rewrites the page: {@code SettingsReference docs/reference.md}. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), markdown(), StandardCharsets.UTF_8);
    }
}
