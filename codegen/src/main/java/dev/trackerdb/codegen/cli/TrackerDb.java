package dev.trackerdb.codegen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The one command-line tool: {@code trackerdb <command>}. Maven runs the same commands (see
 * {@link MavenEntry}), so a build and a person at a terminal go through one code path.
 */
@Command(name = "trackerdb", mixinStandardHelpOptions = true, versionProvider = TrackerDb.Version.class,
        description = "Migration-driven jOOQ for PostgreSQL: migrate a throwaway database, generate classes, check drift.",
        subcommands = {GenerateCommand.class, VerifyUndoCommand.class, UndoCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                " 0:ok",
                " 1:failure (a migration failed, the database is unreachable, ...)",
                " 2:findings (drift, lint errors, stale generated code)",
                "64:usage error (unknown option, missing argument)"})
public final class TrackerDb {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int FINDINGS = 2;
    public static final int USAGE = 64;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; never exits the JVM. */
    public static int execute(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        quietLibraries();
        CommandLine cli = new CommandLine(new TrackerDb());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> FAILURE);
        cli.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ErrorText.of(e));
            if (Boolean.getBoolean("trackerdb.stacktrace")) e.printStackTrace(commandLine.getErr());
            return FAILURE;
        });
        return cli;
    }

    /** Library chatter (jOOQ's banner, Flyway's per-migration INFO lines) would drown our own lines. */
    private static void quietLibraries() {
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        // Flyway logs a failed migration at ERROR; our own message says the same with file and line.
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb.core.internal.command.DbMigrate", "off");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TrackerDb.class.getPackage().getImplementationVersion();
            return new String[] {"trackerdb " + (v != null ? v : "(development build)")};
        }
    }
}
