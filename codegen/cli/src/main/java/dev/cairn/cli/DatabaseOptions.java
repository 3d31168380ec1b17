package dev.cairn.cli;

import dev.cairn.database.DatabaseChoice;
import dev.cairn.database.DatabaseKind;
import dev.cairn.database.DatabaseProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import dev.cairn.config.Setting;

import java.util.EnumMap;
import java.util.Map;

/** Which throwaway database a command uses: {@code --database}, {@code --image}, {@code --server-url}... */
public final class DatabaseOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--database", paramLabel = "KIND",
            description = {"auto|embedded|testcontainers|server|offline (default: auto).",
                    "auto: server if --server-url/$CAIRN_SERVER_URL is set, else testcontainers if Docker answers,"
                            + " else embedded. offline interprets the migrations with jOOQ's DDLDatabase (no database)."})
    String database;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "Docker image for testcontainers, any postgres-compatible one (postgis/postgis:18-3.6, pgvector/pgvector:pg18)."
                    + " Default: postgres:<major of the build's postgres.version>.")
    String image;

    @Option(names = "--server-url", paramLabel = "URL",
            description = "Existing server for --database=server (a user with CREATEDB; a temporary database is created"
                    + " and dropped). Default: $CAIRN_SERVER_URL.")
    String serverUrl;

    @Option(names = "--server-user", description = "User for --server-url. Default: from the URL, $CAIRN_SERVER_USER, $PGUSER.")
    String serverUser;

    @Option(names = "--server-password", arity = "0..1", interactive = true,
            description = "Password for --server-url. Default: from the URL, $CAIRN_SERVER_PASSWORD, $PGPASSWORD.")
    String serverPassword;

    public DatabaseChoice choice() {
        return DatabaseChoice.of(DatabaseKind.parse(database != null ? database : "auto"), image, serverUrl, serverUser, serverPassword, System.getenv());
    }

    /** What was given on the command line, by setting (database always: it has a default here). */
    Map<Setting, String> explicit() {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        if (database != null) m.put(Setting.DATABASE, database);
        if (image != null) m.put(Setting.IMAGE, image);
        if (serverUrl != null) m.put(Setting.SERVER_URL, serverUrl);
        if (serverUser != null) m.put(Setting.SERVER_USER, serverUser);
        if (serverPassword != null) m.put(Setting.SERVER_PASSWORD, serverPassword);
        return m;
    }

    /** The provider; its decisions and warnings go to the command's output. */
    public DatabaseProvider provider() {
        return choice().provider(mixee != null ? mixee.commandLine().getOut()::println : System.out::println);
    }
}
