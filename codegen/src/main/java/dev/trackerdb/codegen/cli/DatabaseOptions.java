package dev.trackerdb.codegen.cli;

import dev.trackerdb.codegen.database.DatabaseChoice;
import dev.trackerdb.codegen.database.DatabaseKind;
import dev.trackerdb.codegen.database.DatabaseProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Which throwaway database a command uses: {@code --database}, {@code --image}, {@code --server-url}... */
public final class DatabaseOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--database", paramLabel = "KIND", defaultValue = "auto",
            description = {"auto|embedded|testcontainers|server|offline (default: ${DEFAULT-VALUE}).",
                    "auto: server if --server-url/$TRACKERDB_SERVER_URL is set, else testcontainers if Docker answers,"
                            + " else embedded. offline interprets the migrations with jOOQ's DDLDatabase (no database)."})
    String database;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "Docker image for testcontainers, any postgres-compatible one (postgis/postgis:18-3.6, pgvector/pgvector:pg18)."
                    + " Default: postgres:<major of the build's postgres.version>.")
    String image;

    @Option(names = "--server-url", paramLabel = "URL",
            description = "Existing server for --database=server (a user with CREATEDB; a temporary database is created"
                    + " and dropped). Default: $TRACKERDB_SERVER_URL.")
    String serverUrl;

    @Option(names = "--server-user", description = "User for --server-url. Default: from the URL, $TRACKERDB_SERVER_USER, $PGUSER.")
    String serverUser;

    @Option(names = "--server-password", arity = "0..1", interactive = true,
            description = "Password for --server-url. Default: from the URL, $TRACKERDB_SERVER_PASSWORD, $PGPASSWORD.")
    String serverPassword;

    public DatabaseChoice choice() {
        return DatabaseChoice.of(DatabaseKind.parse(database), image, serverUrl, serverUser, serverPassword, System.getenv());
    }

    /** The provider; its decisions and warnings go to the command's output. */
    public DatabaseProvider provider() {
        return choice().provider(mixee != null ? mixee.commandLine().getOut()::println : System.out::println);
    }
}
