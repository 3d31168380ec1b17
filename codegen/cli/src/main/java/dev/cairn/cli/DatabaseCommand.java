package dev.cairn.cli;

import dev.cairn.build.ErrorText;

import dev.cairn.catalog.CatalogSnapshot;
import dev.cairn.connect.ConnectionCheck;
import dev.cairn.connect.ConnectionSettings;
import dev.cairn.migrate.FlywayFactory;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.MigrationLocations;
import dev.cairn.migrate.Migrator;
import dev.cairn.migrate.StoppedRun;
import dev.cairn.signal.Interruption;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What every command on a real database shares: connection and migration options, a connection
 * check before any change, one Flyway configuration, and errors printed without the password.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    MigrationSourceOptions source;

    /** What a subcommand gets to work with. */
    record Run(PrintWriter out, PrintWriter err, Colors colors, ConnectionSettings settings,
               MigrationLocations locations, FluentConfiguration flyway) {
    }

    @Override
    public final Integer call() {
        String problem = source.usageProblem();
        if (problem == null) problem = usageProblem();
        if (problem != null) throw new ParameterException(spec.commandLine(), problem);
        ConnectionSettings settings;
        try {
            settings = connection.settings();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Colors colors = Colors.detect(System.getenv());
        FluentConfiguration config = null;
        try {
            FlywaySettings flyway = source.flyway();
            MigrationLocations locations = flyway.locations();
            // Schemas, table, placeholders and --out-of-order as the project sets them; the locations as resolved here.
            FlywaySettings project = source.project.settings().flyway().withLocations(locations);
            stopOnInterruption(settings, project);
            ConnectionCheck.verify(settings);
            config = FlywayFactory.configure(settings.jdbcUrl(), settings.user(), settings.password(), project)
                    .dataSource(settings.dataSource());
            return run(new Run(out, err, colors, settings, locations, config));
        } catch (Exception e) {
            Interruption.parkIfRequested();
            // Flyway reads every file before it does anything (info, pending): a file it cannot use is named.
            Exception shown = e instanceof FlywayException f && config != null ? Migrator.explain(f, config) : e;
            err.println(colors.red("error:") + " " + settings.redact(ErrorText.of(shown)));
            if (Boolean.getBoolean("cairn.stacktrace")) e.printStackTrace(err);
            err.flush();
            return Cairn.FAILURE;
        }
    }

    /**
     * What to do about each index a failed CREATE INDEX CONCURRENTLY left INVALID in the schemas Flyway
     * manages. Such an index is invisible otherwise: a rerun with IF NOT EXISTS even skips over it.
     */
    static List<String> invalidIndexes(Run run) throws SQLException {
        List<String> advice = new ArrayList<>();
        try (Connection c = run.settings().connect()) {
            List<String> schemas = List.of(run.flyway().getSchemas());
            for (String schema : schemas.isEmpty() ? List.of(c.getSchema()) : schemas) {
                CatalogSnapshot snapshot = CatalogSnapshot.read(c, schema);
                snapshot.invalidIndexes().forEach(i -> advice.add(snapshot.invalidIndexAdvice(i)));
            }
        }
        return advice;
    }

    /**
     * Ctrl-C or SIGTERM from here on cancels this command's statements on the server, waits for the
     * rollback and says what state the database and Flyway's history are in (exit 130/143): the
     * connection closing with the JVM would leave a running statement and its locks behind.
     */
    static void stopOnInterruption(ConnectionSettings settings, FlywaySettings flyway) {
        Interruption.whenStopped(() -> StoppedRun.stop(settings, flyway).line());
    }

    /** A subcommand's own option checks; a non-null answer is a usage error (exit 64). */
    String usageProblem() {
        return null;
    }

    abstract int run(Run run) throws Exception;
}
