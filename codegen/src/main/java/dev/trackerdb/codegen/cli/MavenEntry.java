package dev.trackerdb.codegen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entry point for {@code exec:java} in the build: the same commands as {@link TrackerDb}, but a
 * failure becomes an exception (which fails the Maven build) instead of System.exit, which would
 * end Maven itself.
 *
 * <p>{@code generate} runs in every {@code ./mvnw generate-sources}, mostly to find that nothing
 * changed. Its arguments are the fixed set the pom passes ({@code --name=value}), so they go
 * straight into the command object ({@link GenerateCommand#forBuild}); building picocli's model
 * by reflection would cost more than the up-to-date check itself. Any other argument line goes
 * through picocli, with only the subcommand that runs.
 */
public final class MavenEntry {

    private static final Set<String> BUILD_OPTIONS = Set.of("--project-dir", "--database", "--force", "--check");

    private MavenEntry() {
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != TrackerDb.OK) {
            throw new IllegalStateException("trackerdb " + String.join(" ", args) + " failed (exit code " + code
                    + "); the reason is printed above.");
        }
    }

    static int run(String... args) {
        GenerateCommand generate = buildGenerate(args);
        if (generate == null) {
            return TrackerDb.commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                    args.length > 0 ? List.of(args[0]) : List.of()).execute(args);
        }
        try {
            return generate.call();
        } catch (Exception e) {
            return TrackerDb.failed(e, new PrintWriter(System.err, true));
        }
    }

    /** The command for the pom's {@code generate --name=value...} line; null for anything else. */
    static GenerateCommand buildGenerate(String... args) {
        if (args.length == 0 || !args[0].equals("generate")) return null;
        Map<String, String> values = new HashMap<>();
        for (String a : List.of(args).subList(1, args.length)) {
            int eq = a.indexOf('=');
            if (eq < 0 || !BUILD_OPTIONS.contains(a.substring(0, eq))) return null;
            values.put(a.substring(0, eq), a.substring(eq + 1));
        }
        Boolean force = bool(values.getOrDefault("--force", "false"));
        Boolean check = bool(values.getOrDefault("--check", "false"));
        if (force == null || check == null) return null; // picocli words the usage error
        return GenerateCommand.forBuild(Path.of(values.getOrDefault("--project-dir", ".")),
                values.getOrDefault("--database", "auto"), force, check);
    }

    private static Boolean bool(String s) {
        return s.equalsIgnoreCase("true") ? Boolean.TRUE : s.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }
}
