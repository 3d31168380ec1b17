package dev.cairn.cli;

import dev.cairn.build.ErrorText;

import dev.cairn.build.QuietLibraries;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import dev.cairn.signal.Interruption;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one command-line tool: {@code cairn <command>}. Maven runs the same commands (see
 * {@link MavenEntry}), so a build and a person at a terminal go through one code path.
 */
@Command(name = "cairn", mixinStandardHelpOptions = true, versionProvider = Cairn.Version.class,
        description = {"Migration-driven jOOQ for PostgreSQL: generate jOOQ classes from the migrations",
                "on a throwaway database; lint, lock and prove (undo) the migrations; migrate,",
                "inspect, baseline, repair, undo and check real databases for drift."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                " 0:ok",
                " 1:failure (a migration failed, the database is unreachable, ...)",
                " 2:findings (drift, lint errors, stale generated code)",
                "64:usage error (unknown option, missing argument)"})
public final class Cairn {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int FINDINGS = 2;
    public static final int USAGE = 64;

    /** In the order `--help` lists them. Added by name, so a build can load just the one it runs. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("generate", GenerateCommand::new);
        m.put("lint", LintCommand::new);
        m.put("lock", LockCommand::new);
        m.put("verify-undo", VerifyUndoCommand::new);
        m.put("migrate", MigrateCommand::new);
        m.put("info", InfoCommand::new);
        m.put("validate", ValidateCommand::new);
        m.put("baseline", BaselineCommand::new);
        m.put("repair", RepairCommand::new);
        m.put("undo", UndoCommand::new);
        m.put("drift", DriftCommand::new);
        m.put("daemon", DaemonCommand::new);
        m.put("clean-cache", CleanCacheCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /**
     * A command that changes migrations.lock: what an interruption leaves there is its own to say,
     * so "nothing was written" would not be true. (The commands on a real database say what they
     * left there: {@link DatabaseCommand#stopOnInterruption}.)
     */
    private static final String LOCK_COMMAND = "lock";

    public static void main(String[] args) {
        boolean lock = args.length > 0 && args[0].equals(LOCK_COMMAND);
        if (lock || java.util.Arrays.asList(args).contains("--watch")) System.exit(execute(args)); // Ctrl-C is how a watch ends
        // Ctrl-C / SIGTERM: `interrupted during <stage>; nothing was written` (or what a database command left), exit 130/143, nothing else.
        PrintStream terminal = System.err;
        Interruption.gateSystemStreams();
        int code;
        try (Interruption.Handlers signals = Interruption.install(terminal)) {
            if (args.length > 0) Interruption.stage(args[0]);
            code = execute(args);
            Interruption.parkIfRequested(); // a command that ended because of the stop must not exit before its line
        }
        System.exit(code);
    }

    /** Runs a command line and returns its exit code; never exits the JVM. */
    public static int execute(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, COMMANDS.keySet());
    }

    /**
     * Only the named subcommands: picocli builds each command's model by reflection, and in a
     * no-op run the other ten would cost more than the up-to-date check itself.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, java.util.Collection<String> names) {
        QuietLibraries.apply();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        CommandLine cli = new CommandLine(new Cairn());
        for (String name : names) {
            Supplier<Object> command = COMMANDS.get(name);
            if (command != null) cli.addSubcommand(name, command.get());
        }
        cli.setOut(out);
        cli.setErr(err);
        // Unknown options and bad values are usage errors in every subcommand, anything else a failure.
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : FAILURE);
        cli.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        // A usage error: the problem and where to read more, not the whole help page.
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
            cmd.getErr().println("Run `" + cmd.getCommandSpec().qualifiedName() + " --help` for the options.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine.getErr()));
        return cli;
    }

    /** A command that threw: one readable line (the stack trace with -Dcairn.stacktrace=true). */
    static int failed(Exception e, PrintWriter err) {
        Interruption.parkIfRequested();
        err.println("error: " + ErrorText.of(e));
        if (Boolean.getBoolean("cairn.stacktrace")) e.printStackTrace(err);
        return FAILURE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cairn.class.getPackage().getImplementationVersion();
            return new String[] {"cairn " + (v != null ? v : "(development build)")};
        }
    }
}
